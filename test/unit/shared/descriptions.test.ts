import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor, updateDisplayOptions } from '../../../nodes/shared/descriptions';
import type { ResourceMap } from '../../../nodes/shared/router';
import { route } from '../../../nodes/shared/router';
import { mockContext } from './mock-context';

describe('showFor', () => {
	it('shows a field for one resource and operation', () => {
		expect(showFor('user', 'upsert')).toEqual({
			show: { resource: ['user'], operation: ['upsert'] },
		});
	});
});

describe('updateDisplayOptions', () => {
	const fields: INodeProperties[] = [
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '' },
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			displayOptions: { show: { returnAll: [false] }, hide: { mode: ['raw'] } },
		},
	];

	it('merges the operation conditions into every field, keeping the field own ones', () => {
		const [userId, limit] = updateDisplayOptions(showFor('user', 'getAll'), fields);
		expect(userId.displayOptions).toEqual({ show: { resource: ['user'], operation: ['getAll'] } });
		expect(limit.displayOptions).toEqual({
			show: { resource: ['user'], operation: ['getAll'], returnAll: [false] },
			hide: { mode: ['raw'] },
		});
	});

	it('merges hide conditions and does not change the input', () => {
		const [userId] = updateDisplayOptions(
			{ show: { resource: ['user'] }, hide: { operation: ['delete'] } },
			fields,
		);
		expect(userId.displayOptions).toEqual({
			show: { resource: ['user'] },
			hide: { operation: ['delete'] },
		});
		expect(fields[0].displayOptions).toBeUndefined();
	});
});

describe('route', () => {
	const resources: ResourceMap = {
		user: {
			upsert: {
				name: 'Create or Update',
				description: 'Create or update a user',
				action: 'Create or update a user',
				module: {
					description: [],
					execute: jest.fn(async (items) => items.map((_, i) => ({ json: { op: 'upsert', i } }))),
				},
			},
		},
	};

	it('runs the selected operation with all input items on one output', async () => {
		const { ctx } = mockContext({
			parameters: { resource: 'user', operation: 'upsert' },
			items: [{ json: {} }, { json: {} }],
		});
		expect(await route.call(ctx, resources)).toEqual([
			[{ json: { op: 'upsert', i: 0 } }, { json: { op: 'upsert', i: 1 } }],
		]);
	});

	it('refuses an inherited name as an operation', async () => {
		const { ctx } = mockContext({ parameters: { resource: 'user', operation: 'toString' } });
		const error = await route.call(ctx, resources).catch((e) => e);
		expect(error.message).toBe('The operation "toString" of "user" is not supported');
	});

	it('refuses an operation it does not have', async () => {
		const { ctx } = mockContext({ parameters: { resource: 'user', operation: 'explode' } });
		const error = await route.call(ctx, resources).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The operation "explode" of "user" is not supported');
	});
});
