import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Bumped only if the derivation ever changes (every webhook would then need re-activation). */
const DERIVATION_LABEL = 'n8n-nodes-engagement/dotdigital-cpaas-trigger/webhook-secret/v1';

/** What identifies one registration of one trigger: nothing in it is secret. */
export interface WebhookIdentity {
	workflowId: string;
	/** The node's `webhookId` (its n8n webhook path segment). */
	nodeWebhookId: string;
	/** Random, drawn on each activation and kept in static data, so each registration gets a new secret. */
	nonce: string;
}

/** The secret part of the credential, whichever mode it is in; empty when the credential has none. */
export function credentialKeyMaterial(
	credentials: ICredentialDataDecryptedObject | undefined,
): string {
	if (!credentials) return '';
	const parts =
		credentials.authMode === 'apiSpaceToken'
			? [credentials.apiSpaceId, credentials.accessToken]
			: [credentials.username, credentials.password];
	const [id, secret] = parts.map((p) => (typeof p === 'string' ? p : ''));
	return secret === '' ? '' : `${id}\n${secret}`;
}

/**
 * The webhook secret of one registration: HMAC-SHA256 of the webhook's identity keyed with the
 * credential's secret material, as 64 lowercase hex characters. Computed whenever it is needed (on
 * registration and for every delivery) and never stored, so it is readable only by whoever can
 * decrypt the credential. Undefined when a part is missing (then no signature can be valid).
 */
export function deriveWebhookSecret(
	credentials: ICredentialDataDecryptedObject | undefined,
	identity: Partial<WebhookIdentity>,
): string | undefined {
	const key = credentialKeyMaterial(credentials);
	const { workflowId, nodeWebhookId, nonce } = identity;
	if (key === '' || !workflowId || !nodeWebhookId || !nonce) return undefined;
	return createHmac('sha256', key)
		.update([DERIVATION_LABEL, workflowId, nodeWebhookId, nonce].join('\n'))
		.digest('hex');
}
