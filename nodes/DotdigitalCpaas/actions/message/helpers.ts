import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonObject, toIsoDate } from '../../../shared';
import { requiredString } from '../common';

/** Body of Post Status (outbound, needs a channel) and Post Inbound Status (needs a timestamp). */
export function buildStatus(
	this: IExecuteFunctions,
	itemIndex: number,
	outbound: boolean,
): IDataObject {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (outbound) {
		body.channel = requiredString.call(this, 'channel', 'Channel', itemIndex);
		if (extra.timestamp) body.timestamp = toIsoDate(node, extra.timestamp, 'Timestamp', itemIndex);
		if (extra.failureReason) body.failureReason = String(extra.failureReason);
	} else {
		body.timestamp = toIsoDate(
			node,
			this.getNodeParameter('timestamp', itemIndex, '') || undefined,
			'Timestamp',
			itemIndex,
		);
	}
	if (extra.channelStatus !== undefined) {
		const channelStatus = parseJsonObject(
			node,
			extra.channelStatus,
			'Channel Status (JSON)',
			itemIndex,
		);
		if (Object.keys(channelStatus).length) body.channelStatus = channelStatus;
	}
	return body;
}
