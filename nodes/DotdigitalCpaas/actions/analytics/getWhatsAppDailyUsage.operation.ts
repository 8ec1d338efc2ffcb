import type { ReportShape } from './fields';
import { reportFields, reportQuery } from './fields';
import { defineOperation } from '../common';

const shape: ReportShape = { dates: false, whatsApp: true };

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getWhatsAppDailyUsage',
	method: 'GET',
	path: '/analytics/whatsapp/dailymessagingusage',
	fields: reportFields(shape),
	query(i: number) {
		return reportQuery.call(this, i, shape);
	},
});
