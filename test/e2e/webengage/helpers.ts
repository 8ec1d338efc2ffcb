import type { WorkflowNode } from '../../../tools/harness/n8n';
import { N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	demoCredential,
	WEBENGAGE_DEFAULTS,
} from '../../../tools/simulators/webengage';

export const CREDENTIAL = { webEngageApi: { id: 'we-cred-1', name: 'WebEngage (simulator)' } };
export const WRONG_KEY_CREDENTIAL = {
	webEngageApi: { id: 'we-cred-badkey', name: 'WebEngage (wrong key)' },
};
export const WRONG_LICENSE_CREDENTIAL = {
	webEngageApi: { id: 'we-cred-badlc', name: 'WebEngage (unknown license)' },
};
export const WRONG_KEY = 'we-wrong-key-77aa99bb';

/** A WebEngage node step for `chainWorkflow`. */
export function webEngage(
	name: string,
	parameters: Record<string, unknown>,
	options: { credentials?: WorkflowNode['credentials']; onError?: WorkflowNode['onError'] } = {},
): WorkflowNode {
	return {
		name,
		type: nodeType('webEngage'),
		credentials: options.credentials ?? CREDENTIAL,
		parameters,
		...(options.onError ? { onError: options.onError } : {}),
	};
}

/** A simulator plus a real n8n holding the good credential and two broken ones. */
export async function startWebEngage(label: string): Promise<{ sim: Simulator; n8n: N8n }> {
	const sim = createWebEngageSimulator();
	const url = await sim.start();
	const n8n = await N8n.create(label);
	const data = {
		apiKey: WEBENGAGE_DEFAULTS.apiKey,
		licenseCode: WEBENGAGE_DEFAULTS.licenseCode,
		dataCenter: 'custom',
		baseUrl: url,
	};
	await n8n.importCredentials([
		{ id: 'we-cred-1', name: 'WebEngage (simulator)', type: 'webEngageApi', data },
		{
			id: 'we-cred-badkey',
			name: 'WebEngage (wrong key)',
			type: 'webEngageApi',
			data: { ...data, apiKey: WRONG_KEY },
		},
		{
			id: 'we-cred-badlc',
			name: 'WebEngage (unknown license)',
			type: 'webEngageApi',
			data: { ...data, licenseCode: '~deadbeef' },
		},
		demoCredential(url),
	]);
	return { sim, n8n };
}

/** Creates a user in the simulator through its own API (campaigns and GDPR need a known user). */
export async function seedUser(sim: Simulator, userId: string): Promise<void> {
	const response = await fetch(
		`${sim.url}/v1/accounts/${encodeURIComponent(WEBENGAGE_DEFAULTS.licenseCode)}/users`,
		{
			method: 'POST',
			headers: {
				Authorization: `Bearer ${WEBENGAGE_DEFAULTS.apiKey}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ userId }),
		},
	);
	if (response.status !== 201) throw new Error(`seeding user ${userId} failed: ${response.status}`);
}
