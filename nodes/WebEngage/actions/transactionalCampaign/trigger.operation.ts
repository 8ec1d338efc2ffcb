import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	inputError,
	locatorValue,
	processItems,
	requireValue,
	resourceLocator,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { expectTransaction, webEngageRequest } from '../../transport';
import { buildDelivery, deliveryProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('transactionalCampaign', 'trigger'),
	[
		// WebEngage documents no API that lists campaigns: By ID only, checked in the editor.
		resourceLocator({
			name: 'campaignId',
			displayName: 'Campaign ID',
			description: 'ID of a running transactional campaign (campaign page → Show Details)',
			placeholder: 'e.g. ~3ekekrh',
			idPattern: {
				regex: '^~?[A-Za-z0-9_-]+$',
				message: 'A campaign ID is letters and digits, often after a ~ (e.g. ~3ekekrh)',
			},
		}),
		...deliveryProperties,
		{
			displayName: 'Dedupe Window (Seconds)',
			name: 'dedupeTtl',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1800 },
			default: 0,
			description:
				'WebEngage ignores the same trigger again for this long after the first one (5 to 1800 seconds); 0 turns it off. With it set, a trigger whose answer was lost is sent again automatically; without it, it is reported with an unknown outcome.',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const node = this.getNode();
		const campaignId = requireValue(
			node,
			locatorValue(this.getNodeParameter('campaignId', i)),
			'Campaign ID',
			i,
		);
		const body = buildDelivery.call(this, i, campaignId);
		const dedupeTtl = Number(this.getNodeParameter('dedupeTtl', i, 0) || 0);
		if (dedupeTtl !== 0) {
			if (!Number.isInteger(dedupeTtl) || dedupeTtl < 5 || dedupeTtl > 1800) {
				throw inputError(
					node,
					`"Dedupe Window (Seconds)" must be a whole number from 5 to 1800, not ${dedupeTtl}`,
					{
						itemIndex: i,
					},
				);
			}
			body.dedupe = { ttl: dedupeTtl };
		}
		const response = await webEngageRequest.call(this, {
			method: 'POST',
			path: `/v2/accounts/{licenseCode}/experiments/${encodeURIComponent(campaignId)}/transaction`,
			body,
			// WebEngage documents no dedupe on the txnId of this endpoint; a replay after a lost answer
			// is harmless only inside the dedupe window the user turned on.
			idempotent: dedupeTtl !== 0,
			expect: expectTransaction,
			unknownOutcomeCheck: `the campaign's delivery report for this user (txnId ${String(body.txnId)})`,
			itemIndex: i,
		});
		const data =
			((response.response as IDataObject | undefined)?.data as IDataObject | undefined) ?? {};
		return {
			txnId: body.txnId as string,
			experimentId: campaignId,
			userId: body.userId as string,
			...data,
		};
	});
}
