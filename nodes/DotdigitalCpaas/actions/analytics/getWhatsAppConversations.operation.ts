import type { ReportShape } from './fields';
import { WHATSAPP_GROUPS, reportFields, reportQuery } from './fields';
import { defineOperation } from '../common';

const shape: ReportShape = { dates: true, groupBy: WHATSAPP_GROUPS, whatsApp: true };

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getWhatsAppConversations',
	method: 'GET',
	path: '/analytics/whatsapp/conversations',
	fields: reportFields(shape),
	query(i: number) {
		return reportQuery.call(this, i, shape);
	},
});
