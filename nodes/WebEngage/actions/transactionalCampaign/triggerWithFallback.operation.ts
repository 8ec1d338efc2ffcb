import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, processItems, showFor, updateDisplayOptions } from '../../../shared';
import { expectTransaction, webEngageRequest } from '../../transport';
import { buildDelivery, deliveryProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('transactionalCampaign', 'triggerWithFallback'),
	[
		{
			displayName: 'Campaign IDs',
			name: 'campaignIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ~push1, ~sms2',
			description:
				'IDs of running transactional campaigns (as shown under Show Details in WebEngage, often starting with ~), comma-separated, in the order they are tried',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Send every campaign' },
				{
					name: 'Fallback on Attempt Failure',
					value: 'fallback_on_attempt_failure',
					description: 'Try the next campaign when sending the previous one fails',
				},
				{
					name: 'Fallback on Delivery Failure',
					value: 'fallback_on_delivery_failure',
					description:
						'Try the next campaign until one is delivered (sent or accepted does not count)',
				},
			],
			default: 'fallback_on_attempt_failure',
			description:
				'Whether every campaign is sent, or the next one only after the previous one failed to send or to be delivered',
		},
		...deliveryProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const node = this.getNode();
		const campaignIds = String(this.getNodeParameter('campaignIds', i, ''))
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '');
		if (campaignIds.length === 0) {
			throw inputError(node, '"Campaign IDs" is required but empty', { itemIndex: i });
		}
		const mode = this.getNodeParameter('mode', i) as string;
		const body = buildDelivery.call(this, i, ...campaignIds, mode);
		// overrideData is required by this endpoint even when nothing is overridden.
		if (body.overrideData === undefined) body.overrideData = {};
		const query = [
			...campaignIds.map((id) => `campaignIds=${encodeURIComponent(id)}`),
			`mode=${encodeURIComponent(mode)}`,
		].join('&');
		const response = await webEngageRequest.call(this, {
			method: 'POST',
			path: `/v2/accounts/{licenseCode}/transaction?${query}`,
			body,
			// The multi-campaign API documents txnId as its dedupe key.
			idempotent: true,
			expect: expectTransaction,
			itemIndex: i,
		});
		const data =
			((response.response as IDataObject | undefined)?.data as IDataObject | undefined) ?? {};
		return {
			txnId: body.txnId as string,
			campaignIds,
			mode,
			userId: body.userId as string,
			...data,
		};
	});
}
