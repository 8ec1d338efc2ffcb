/**
 * Every node's execute() honours continue-on-fail itself, not only inside its operations: an error
 * that escapes them (here: an operation the node does not have) becomes one error item per input
 * item under continue-on-fail, and stops the node otherwise.
 */
import type { INodeType } from 'n8n-workflow';

import { DotdigitalCpaas } from '../../../nodes/DotdigitalCpaas/DotdigitalCpaas.node';
import { EngageOneCommunicate } from '../../../nodes/EngageOneCommunicate/EngageOneCommunicate.node';
import { Engati } from '../../../nodes/Engati/Engati.node';
import { WebEngage } from '../../../nodes/WebEngage/WebEngage.node';
import { mockContext } from './mock-context';

const nodes: Array<[string, INodeType]> = [
	['WebEngage', new WebEngage()],
	['dotdigital CPaaS', new DotdigitalCpaas()],
	['Engati', new Engati()],
	['EngageOne Communicate', new EngageOneCommunicate()],
];
const parameters = { resource: 'noSuchResource', operation: 'noSuchOperation' };
const items = [{ json: { a: 1 } }, { json: { a: 2 } }];

describe.each(nodes)('%s execute()', (_name, node) => {
	it('under continue-on-fail turns an error outside the operations into one error item per input item', async () => {
		const { ctx } = mockContext({ continueOnFail: true, parameters, items });
		const output = await node.execute!.call(ctx);
		expect(output).toEqual([
			[0, 1].map((item) => ({
				json: expect.objectContaining({
					error: expect.stringContaining('"noSuchOperation" of "noSuchResource" is not supported'),
				}),
				pairedItem: { item },
			})),
		]);
	});

	it('without continue-on-fail stops the node with that error', async () => {
		const { ctx } = mockContext({ continueOnFail: false, parameters, items });
		await expect(node.execute!.call(ctx)).rejects.toThrow(
			'"noSuchOperation" of "noSuchResource" is not supported',
		);
	});
});
