import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { DotdigitalCpaas } from '../../../nodes/DotdigitalCpaas/DotdigitalCpaas.node';
import { EngageOneCommunicate } from '../../../nodes/EngageOneCommunicate/EngageOneCommunicate.node';
import { Engati } from '../../../nodes/Engati/Engati.node';
import { WebEngage } from '../../../nodes/WebEngage/WebEngage.node';

/*
 * Every node is `usableAsTool`. What an AI agent and n8n's AI workflow builder know of a field is
 * its description (n8n's builder turns each parameter's description into the type documentation it
 * reads, falling back to the bare display name), and of an operation its `action` (the automatic
 * tool description is "<action> in <node name>"). So every field a user sees must say what its
 * value is, in n8n's style: sentence case, booleans starting with "Whether", placeholders with "e.g.".
 */

const nodes: Array<[string, INodeType]> = [
	['WebEngage', new WebEngage()],
	['dotdigital CPaaS', new DotdigitalCpaas()],
	['Engati', new Engati()],
	['EngageOne Communicate', new EngageOneCommunicate()],
];

/** Words that say nothing about a value on their own. */
const FILLER = new Set(
	'a an the of to for in on at by with and or is are be it its this that as from into your their'.split(
		' ',
	),
);

const words = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9.+\s-]/g, ' ')
		.split(/\s+/)
		.map((word) => word.replace(/^[.-]+|[.-]+$/g, ''))
		.filter((word) => word !== '' && !FILLER.has(word));

/** Names that keep their own spelling wherever they appear. */
const PROPER_NAMES = ['WhatsApp', 'Facebook', 'WebEngage', 'GDPR', 'E.164', 'ISO 8601'];

/** Sentence case: the text does not start lowercase and is not Title Case throughout. */
function sentenceCaseProblem(text: string): string | undefined {
	if (/^[a-z]/.test(text)) return 'starts with a lowercase letter';
	const plain = text.split(/\s+/).filter((word) => /^[A-Za-z]/.test(word));
	const capitalised = plain.filter((word) => /^[A-Z][a-z]/.test(word));
	if (plain.length >= 4 && capitalised.length === plain.length) return 'is in Title Case';
	for (const name of PROPER_NAMES) {
		const pattern = new RegExp(
			`(^|[^A-Za-z0-9_])${name.replace(/[.]/g, '\\.')}(?![A-Za-z0-9_])`,
			'gi',
		);
		for (const match of text.matchAll(pattern)) {
			const found = match[0].slice(match[1].length);
			// An API key in camelCase (e.g. the channel key whatsApp) is code, not prose.
			if (found !== name && !/^[a-z]+[A-Z]/.test(found)) return `spells "${name}" as "${found}"`;
		}
	}
	if (/\bwhats app\b/i.test(text)) return 'spells "WhatsApp" as "whats app"';
	return undefined;
}

/** What is wrong with one field's description and placeholder, in n8n's style; none: []. */
function fieldProblems(field: INodeProperties): string[] {
	const problems: string[] = [];
	const description = (field.description ?? '').trim();
	if (description === '') {
		problems.push('has no description');
	} else {
		const own = new Set(words(field.displayName));
		if (words(description).filter((word) => !own.has(word)).length < 2) {
			problems.push(`description "${description}" only repeats the name`);
		}
		const casing = sentenceCaseProblem(description);
		if (casing) problems.push(`description ${casing}`);
		if (field.type === 'boolean' && !description.startsWith('Whether')) {
			problems.push('is a boolean whose description does not start with "Whether"');
		}
	}
	const isContainer = field.type === 'collection' || field.type === 'fixedCollection';
	if (field.placeholder && !isContainer && !field.placeholder.startsWith('e.g.')) {
		problems.push(`placeholder "${field.placeholder}" does not start with "e.g."`);
	}
	for (const mode of field.modes ?? []) {
		if (mode.type !== 'list' && mode.placeholder && !mode.placeholder.startsWith('e.g.')) {
			problems.push(
				`placeholder "${mode.placeholder}" of mode ${mode.name} does not start with "e.g."`,
			);
		}
	}
	return problems;
}

/** Every field a user can see, nested fields included, with where it stands. */
function visibleFields(
	properties: INodeProperties[],
	trail: string[] = [],
): Array<{ where: string; field: INodeProperties }> {
	const found: Array<{ where: string; field: INodeProperties }> = [];
	for (const field of properties) {
		if (field.type === 'notice' || field.type === 'hidden') continue;
		const show = field.displayOptions?.show ?? {};
		const at = [...trail];
		if (trail.length === 0 && show.resource) {
			at.push(`${String(show.resource)}${show.operation ? `/${String(show.operation)}` : ''}`);
		}
		at.push(field.displayName);
		// Resource and Operation are judged by their options (below); a collection ("Additional
		// Fields", "Options") is a container whose own fields carry the meaning.
		if (field.name !== 'resource' && field.name !== 'operation' && field.type !== 'collection') {
			found.push({ where: at.join(' > '), field });
		}
		if (field.type === 'collection') {
			found.push(...visibleFields((field.options ?? []) as INodeProperties[], at));
		}
		if (field.type === 'fixedCollection') {
			for (const group of (field.options ?? []) as INodePropertyCollection[]) {
				found.push(...visibleFields(group.values, [...at, group.displayName]));
			}
		}
	}
	return found;
}

describe('fieldProblems (the style rules themselves)', () => {
	const field = (extra: Partial<INodeProperties>): INodeProperties => ({
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		...extra,
	});

	it('accepts a field that says what its value is and in which format', () => {
		expect(
			fieldProblems(
				field({
					description: 'The recipient in E.164 format, with a leading +',
					placeholder: 'e.g. +14155550123',
				}),
			),
		).toEqual([]);
	});

	it('refuses a missing description, one that repeats the name, and a Title Case one', () => {
		expect(fieldProblems(field({}))).toEqual(['has no description']);
		expect(fieldProblems(field({ description: 'The phone number' }))).toEqual([
			'description "The phone number" only repeats the name',
		]);
		expect(
			fieldProblems(
				field({ description: 'The Phone Number In International Format With Country Code' }),
			),
		).toEqual(['description is in Title Case']);
		expect(fieldProblems(field({ description: 'the number to text, in E.164 format' }))).toEqual([
			'description starts with a lowercase letter',
		]);
		expect(fieldProblems(field({ description: 'A whatsapp number, e.g. +14155550123' }))).toEqual([
			'description spells "WhatsApp" as "whatsapp"',
		]);
	});

	it('wants booleans to start with "Whether" and placeholders with "e.g."', () => {
		expect(
			fieldProblems(
				field({ type: 'boolean', default: false, description: 'Send it twice or not' }),
			),
		).toEqual(['is a boolean whose description does not start with "Whether"']);
		expect(
			fieldProblems(
				field({ description: 'The number to text, in E.164 format', placeholder: '+1415' }),
			),
		).toEqual(['placeholder "+1415" does not start with "e.g."']);
	});
});

describe.each(nodes)(
	'%s: every field tells a user and an AI agent what it means',
	(_name, node) => {
		const properties = node.description.properties;

		it('every visible field has a meaningful description, in n8n style', () => {
			const problems = visibleFields(properties).flatMap(({ where, field }) =>
				fieldProblems(field).map((problem) => `${where} (${field.name}): ${problem}`),
			);
			expect([...new Set(problems)]).toEqual([]);
		});

		it('every operation has a description and an action in sentence case', () => {
			const problems: string[] = [];
			for (const dropdown of properties.filter((p) => p.name === 'operation')) {
				const resource = String(dropdown.displayOptions?.show?.resource);
				for (const option of dropdown.options as INodePropertyOptions[]) {
					const where = `${resource}/${String(option.value)}`;
					for (const key of ['description', 'action'] as const) {
						const text = (option[key] ?? '').trim();
						// The action may be the name in sentence case ("Get chats report"); the description
						// must say more.
						const same = key === 'description' && text.toLowerCase() === option.name.toLowerCase();
						if (text === '' || same) {
							problems.push(`${where}: ${key} "${text}" says no more than the name`);
							continue;
						}
						const casing = sentenceCaseProblem(text);
						if (casing) problems.push(`${where}: ${key} ${casing}`);
					}
				}
			}
			expect(problems).toEqual([]);
		});
	},
);
