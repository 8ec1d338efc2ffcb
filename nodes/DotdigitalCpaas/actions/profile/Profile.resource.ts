import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as clearOptIn from './clearOptIn.operation';
import * as create from './create.operation';
import * as createImport from './createImport.operation';
import * as deleteOp from './delete.operation';
import * as deleteImport from './deleteImport.operation';
import * as deleteMany from './deleteMany.operation';
import * as exportOp from './export.operation';
import * as get from './get.operation';
import * as getDefaultOptIn from './getDefaultOptIn.operation';
import * as getSchema from './getSchema.operation';
import * as getImport from './getImport.operation';
import * as getImportDetails from './getImportDetails.operation';
import * as getImportDuplicates from './getImportDuplicates.operation';
import * as getImports from './getImports.operation';
import * as getMany from './getMany.operation';
import * as linkChild from './linkChild.operation';
import * as linkPrimary from './linkPrimary.operation';
import * as replace from './replace.operation';
import * as setDefaultOptIn from './setDefaultOptIn.operation';
import * as setOptIn from './setOptIn.operation';
import * as startImport from './startImport.operation';
import * as unlinkChild from './unlinkChild.operation';
import * as unlinkPrimary from './unlinkPrimary.operation';
import * as update from './update.operation';
import * as uploadImport from './uploadImport.operation';
import * as upsertMany from './upsertMany.operation';

export const operations: Record<string, OperationModule> = {
	create: create,
	get: get,
	getMany: getMany,
	replace: replace,
	update: update,
	delete: deleteOp,
	upsertMany: upsertMany,
	deleteMany: deleteMany,
	setOptIn: setOptIn,
	clearOptIn: clearOptIn,
	getDefaultOptIn: getDefaultOptIn,
	getSchema: getSchema,
	setDefaultOptIn: setDefaultOptIn,
	linkPrimary: linkPrimary,
	unlinkPrimary: unlinkPrimary,
	linkChild: linkChild,
	unlinkChild: unlinkChild,
	createImport: createImport,
	uploadImport: uploadImport,
	startImport: startImport,
	getImport: getImport,
	getImports: getImports,
	getImportDetails: getImportDetails,
	getImportDuplicates: getImportDuplicates,
	deleteImport: deleteImport,
	export: exportOp,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{
				name: 'Clear Opt-In',
				value: 'clearOptIn',
				description: 'Opt a profile out of channels',
				action: 'Opt a profile out of channels',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a profile',
				action: 'Create a profile',
			},
			{
				name: 'Create Import',
				value: 'createImport',
				description: 'Create a profile import job',
				action: 'Create a profile import job',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a profile',
				action: 'Delete a profile',
			},
			{
				name: 'Delete Import',
				value: 'deleteImport',
				description: 'Delete an import job',
				action: 'Delete a profile import job',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				description: 'Delete all input items as profiles through the bulk API',
				action: 'Delete many profiles',
			},
			{
				name: 'Export',
				value: 'export',
				description: 'Export profiles as JSON or CSV',
				action: 'Export profiles',
			},
			{ name: 'Get', value: 'get', description: 'Get a profile', action: 'Get a profile' },
			{
				name: 'Get Default Opt-In',
				value: 'getDefaultOptIn',
				description: 'Get the account default opt-in per channel',
				action: 'Get default opt in settings',
			},
			{
				name: 'Get Import Details',
				value: 'getImportDetails',
				description: 'Get the activity details of an import job',
				action: 'Get profile import job details',
			},
			{
				name: 'Get Import Duplicates',
				value: 'getImportDuplicates',
				description: 'Get the duplicated profiles of an import job',
				action: 'Get profile import job duplicates',
			},
			{
				name: 'Get Import Status',
				value: 'getImport',
				description: 'Get the status of an import job',
				action: 'Get a profile import job status',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Query profiles, page by page',
				action: 'Get many profiles',
			},
			{
				name: 'Get Many Imports',
				value: 'getImports',
				description: 'Get the history of all import jobs',
				action: 'Get many profile import jobs',
			},
			{
				name: 'Get Schema',
				value: 'getSchema',
				description: 'Get the schema of a sample of profiles',
				action: 'Get the profile schema',
			},
			{
				name: 'Link Child',
				value: 'linkChild',
				description: 'Make another profile a child of this one',
				action: 'Link a child profile',
			},
			{
				name: 'Link to Primary',
				value: 'linkPrimary',
				description: 'Make another profile the primary of this one',
				action: 'Link a profile to a primary',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Replace all fields of a profile',
				action: 'Replace a profile',
			},
			{
				name: 'Set Default Opt-In',
				value: 'setDefaultOptIn',
				description: 'Set the account default opt-in per channel',
				action: 'Set default opt in settings',
			},
			{
				name: 'Set Opt-In',
				value: 'setOptIn',
				description: 'Opt a profile in to channels',
				action: 'Opt a profile in to channels',
			},
			{
				name: 'Start Import',
				value: 'startImport',
				description: 'Start an import job',
				action: 'Start a profile import job',
			},
			{
				name: 'Unlink Child',
				value: 'unlinkChild',
				description: 'Remove a child profile from this one',
				action: 'Unlink a child profile',
			},
			{
				name: 'Unlink From Primary',
				value: 'unlinkPrimary',
				description: 'Remove the link to the primary of this profile',
				action: 'Unlink a profile from its primary',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update some fields of a profile',
				action: 'Update a profile',
			},
			{
				name: 'Upload Import File',
				value: 'uploadImport',
				description: 'Upload the file of an import job from a binary property',
				action: 'Upload a profile import file',
			},
			{
				name: 'Upsert Many',
				value: 'upsertMany',
				description: 'Create or update all input items as profiles through the bulk API',
				action: 'Create or update many profiles',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...replace.description,
	...update.description,
	...deleteOp.description,
	...upsertMany.description,
	...deleteMany.description,
	...setOptIn.description,
	...clearOptIn.description,
	...getDefaultOptIn.description,
	...getSchema.description,
	...setDefaultOptIn.description,
	...linkPrimary.description,
	...unlinkPrimary.description,
	...linkChild.description,
	...unlinkChild.description,
	...createImport.description,
	...uploadImport.description,
	...startImport.description,
	...getImport.description,
	...getImports.description,
	...getImportDetails.description,
	...getImportDuplicates.description,
	...deleteImport.description,
	...exportOp.description,
];
