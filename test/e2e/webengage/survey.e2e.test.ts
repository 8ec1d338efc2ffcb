/**
 * Survey → Get Response's Output option in a real n8n: node version 1 (saved workflows) returns
 * the raw response as before, version 2 the simplified one by default, the raw one on request, or
 * only the fields named (a dot names a nested field).
 */
import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { startWebEngage, webEngage } from './helpers';

const get = (name: string, typeVersion: number, parameters: Record<string, unknown> = {}) => ({
	...webEngage(name, {
		resource: 'survey',
		operation: 'getResponse',
		responseId: 'resp-1001',
		...parameters,
	}),
	typeVersion,
});

const workflow = chainWorkflow({
	id: 'weSurveyOutput',
	nodes: [
		get('V1', 1),
		get('Simplified', 2),
		get('Raw', 2, { output: 'raw' }),
		get('Picked', 2, {
			output: 'fields',
			outputFields: 'title, activity.city, activity.nope, nope',
		}),
	],
});

describe('WebEngage survey response Output (Simplified / Raw / Selected Fields) in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startWebEngage('webengage-survey-output'));
		await n8n.importWorkflows([workflow]);
	}, 300_000);

	afterAll(async () => {
		await sim?.stop();
		n8n?.cleanup();
	});

	it('keeps the raw response on version 1 and simplifies it on version 2', async () => {
		const result = await n8n.execute(workflow.id);
		expect(result.error).toBeUndefined();
		expect(sim.accepted('getSurveyResponse')).toHaveLength(4);

		const raw = result.output('V1')[0];
		expect(Object.keys(raw).sort()).toEqual(
			[
				'activity',
				'customData',
				'id',
				'licenseCode',
				'questionResponses',
				'surveyId',
				'title',
			].sort(),
		);
		expect(Object.keys(raw.activity as object)).toHaveLength(9);
		expect(result.output('Raw')).toEqual([raw]);

		expect(result.output('Simplified')).toEqual([
			{
				id: 'resp-1001',
				surveyId: 'survey-77',
				title: 'How did we do?',
				questionResponses: raw.questionResponses,
				customData: { plan: ['gold'] },
				activity: {
					activityOn: '2026-11-01T10:00:00+0000',
					pageUrl: 'https://example.com/checkout',
				},
			},
		]);
		expect(result.output('Picked')).toEqual([
			{ title: 'How did we do?', activity: { city: 'Pune' } },
		]);
	});
});
