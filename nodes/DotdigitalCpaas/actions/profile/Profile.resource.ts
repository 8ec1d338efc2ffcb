import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
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

/** profile: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	create: {
		name: 'Create',
		description: 'Create a profile',
		action: 'Create a profile',
		module: create,
	},
	get: {
		name: 'Get',
		description: 'Get a profile',
		action: 'Get a profile',
		module: get,
	},
	getMany: {
		name: 'Get Many',
		description: 'Query profiles, page by page',
		action: 'Get many profiles',
		module: getMany,
	},
	replace: {
		name: 'Replace',
		description: 'Replace all fields of a profile',
		action: 'Replace a profile',
		module: replace,
	},
	update: {
		name: 'Update',
		description: 'Update some fields of a profile',
		action: 'Update a profile',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a profile',
		action: 'Delete a profile',
		module: deleteOp,
	},
	upsertMany: {
		name: 'Upsert Many',
		description: 'Create or update all input items as profiles through the bulk API',
		action: 'Create or update many profiles',
		module: upsertMany,
	},
	deleteMany: {
		name: 'Delete Many',
		description: 'Delete all input items as profiles through the bulk API',
		action: 'Delete many profiles',
		module: deleteMany,
	},
	setOptIn: {
		name: 'Set Opt-In',
		description: 'Opt a profile in to channels',
		action: 'Opt a profile in to channels',
		module: setOptIn,
	},
	clearOptIn: {
		name: 'Clear Opt-In',
		description: 'Opt a profile out of channels',
		action: 'Opt a profile out of channels',
		module: clearOptIn,
	},
	getDefaultOptIn: {
		name: 'Get Default Opt-In',
		description: 'Get the account default opt-in per channel',
		action: 'Get default opt in settings',
		module: getDefaultOptIn,
	},
	getSchema: {
		name: 'Get Schema',
		description: 'Get the schema of a sample of profiles',
		action: 'Get the profile schema',
		module: getSchema,
	},
	setDefaultOptIn: {
		name: 'Set Default Opt-In',
		description: 'Set the account default opt-in per channel',
		action: 'Set default opt in settings',
		module: setDefaultOptIn,
	},
	linkPrimary: {
		name: 'Link to Primary',
		description: 'Make another profile the primary of this one',
		action: 'Link a profile to a primary',
		module: linkPrimary,
	},
	unlinkPrimary: {
		name: 'Unlink From Primary',
		description: 'Remove the link to the primary of this profile',
		action: 'Unlink a profile from its primary',
		module: unlinkPrimary,
	},
	linkChild: {
		name: 'Link Child',
		description: 'Make another profile a child of this one',
		action: 'Link a child profile',
		module: linkChild,
	},
	unlinkChild: {
		name: 'Unlink Child',
		description: 'Remove a child profile from this one',
		action: 'Unlink a child profile',
		module: unlinkChild,
	},
	createImport: {
		name: 'Create Import',
		description: 'Create a profile import job',
		action: 'Create a profile import job',
		module: createImport,
	},
	uploadImport: {
		name: 'Upload Import File',
		description: 'Upload the file of an import job from a binary property',
		action: 'Upload a profile import file',
		module: uploadImport,
	},
	startImport: {
		name: 'Start Import',
		description: 'Start an import job',
		action: 'Start a profile import job',
		module: startImport,
	},
	getImport: {
		name: 'Get Import Status',
		description: 'Get the status of an import job',
		action: 'Get a profile import job status',
		module: getImport,
	},
	getImports: {
		name: 'Get Many Imports',
		description: 'Get the history of all import jobs',
		action: 'Get many profile import jobs',
		module: getImports,
	},
	getImportDetails: {
		name: 'Get Import Details',
		description: 'Get the activity details of an import job',
		action: 'Get profile import job details',
		module: getImportDetails,
	},
	getImportDuplicates: {
		name: 'Get Import Duplicates',
		description: 'Get the duplicated profiles of an import job',
		action: 'Get profile import job duplicates',
		module: getImportDuplicates,
	},
	deleteImport: {
		name: 'Delete Import',
		description: 'Delete an import job',
		action: 'Delete a profile import job',
		module: deleteImport,
	},
	export: {
		name: 'Export',
		description: 'Export profiles as JSON or CSV',
		action: 'Export profiles',
		module: exportOp,
	},
};

export const description = resourceDescription('profile', operations, { default: 'get' });
