import type { ReportShape } from './fields';
import { PERIOD_GROUPS, reportFields, reportQuery } from './fields';
import { defineOperation } from '../common';

const shape: ReportShape = { dates: true, groupBy: PERIOD_GROUPS };

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getSmsInbound',
	method: 'GET',
	path: '/analytics/sms/inbound',
	fields: reportFields(shape),
	query(i: number) {
		return reportQuery.call(this, i, shape);
	},
});
