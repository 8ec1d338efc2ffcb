import type { CredentialFixture, WorkflowNode } from '../../../tools/harness/n8n';
import { N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { createDotdigitalSimulator, demoCredential } from '../../../tools/simulators/dotdigital';

/** The demo credential (`demoCredential`), as a node references it. */
export const CREDENTIAL = {
	dotdigitalCpaasApi: { id: 'demo-dotdigital', name: 'dotdigital CPaaS (simulator)' },
};
export const DD = nodeType('dotdigitalCpaas');

/** A dotdigital CPaaS node step for `chainWorkflow`. */
export const node = (
	name: string,
	resource: string,
	operation: string,
	parameters: Record<string, unknown> = {},
): WorkflowNode => ({
	name,
	type: DD,
	credentials: CREDENTIAL,
	parameters: { resource, operation, ...parameters },
});

/** n8n's Limit node keeping the first item, so the next step runs once. */
export const one = (name: string): WorkflowNode => ({
	name,
	type: 'n8n-nodes-base.limit',
	typeVersion: 1,
	parameters: { maxItems: 1 },
});

/**
 * A simulator plus a real n8n with the credentials (by default only the demo one) and all the
 * suite's workflows imported at once.
 */
export async function startDotdigital(
	label: string,
	workflows: object[],
	credentials: (url: string) => CredentialFixture[] = (url) => [demoCredential(url)],
): Promise<{ sim: Simulator; n8n: N8n }> {
	const sim = createDotdigitalSimulator();
	const url = await sim.start();
	const n8n = await N8n.create(label);
	await n8n.importCredentials(credentials(url));
	await n8n.importWorkflows(workflows);
	return { sim, n8n };
}
