import type { INodeProperties, INodeType } from 'n8n-workflow';

import { DotdigitalCpaas } from '../../../nodes/DotdigitalCpaas/DotdigitalCpaas.node';
import { operations as dotdigitalOperations } from '../../../nodes/DotdigitalCpaas/actions';
import { EngageOneCommunicate } from '../../../nodes/EngageOneCommunicate/EngageOneCommunicate.node';
import { operations as engageOneOperations } from '../../../nodes/EngageOneCommunicate/actions';
import { Engati } from '../../../nodes/Engati/Engati.node';
import { operations as engatiOperations } from '../../../nodes/Engati/actions';
import type { ResourceMap } from '../../../nodes/shared';
import { WebEngage } from '../../../nodes/WebEngage/WebEngage.node';
import { operations as webEngageOperations } from '../../../nodes/WebEngage/actions';

const nodes: Array<[string, INodeType, ResourceMap]> = [
	['WebEngage', new WebEngage(), webEngageOperations],
	['dotdigital CPaaS', new DotdigitalCpaas(), dotdigitalOperations],
	['Engati', new Engati(), engatiOperations],
	['EngageOne Communicate', new EngageOneCommunicate(), engageOneOperations],
];

const values = (property: INodeProperties | undefined) =>
	((property?.options ?? []) as Array<{ value: string }>).map((option) => option.value).sort();

describe.each(nodes)('%s: the dropdowns and the router map agree', (_name, node, map) => {
	const properties = node.description.properties;
	const resource = properties.find((p) => p.name === 'resource');

	it('has one Resource option per resource of the map', () => {
		expect(values(resource)).toEqual(Object.keys(map).sort());
	});

	it.each(Object.keys(map))('%s: one Operation option per operation of the map', (res) => {
		const dropdowns = properties.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(res),
		);
		expect(dropdowns).toHaveLength(1);
		expect(values(dropdowns[0])).toEqual(Object.keys(map[res]).sort());
		expect(Object.keys(map[res])).toContain(dropdowns[0].default);
		// Every option names its action, as n8n's node panel and the AI tools show it.
		for (const option of dropdowns[0].options as Array<{ action?: string }>) {
			expect(option.action).toEqual(expect.any(String));
		}
	});

	it('shows every field of an operation only for its own resource and operations', () => {
		for (const [res, ops] of Object.entries(map)) {
			for (const [op, entry] of Object.entries(ops)) {
				for (const field of entry.module.description) {
					const show = field.displayOptions?.show ?? {};
					expect({ field: field.name, resource: show.resource }).toEqual({
						field: field.name,
						resource: [res],
					});
					expect({ field: field.name, operation: show.operation }).toEqual({
						field: field.name,
						operation: expect.arrayContaining([op]),
					});
				}
			}
		}
	});
});
