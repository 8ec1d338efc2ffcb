import type { ReportShape } from './helpers';
import { PERIOD_GROUPS, reportFields, reportQuery } from './helpers';
import { defineOperation } from '../common';

const shape: ReportShape = { dates: true, groupBy: PERIOD_GROUPS, system: true, timezone: true };

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getMessageMetrics',
	method: 'GET',
	path: '/analytics/messages/metrics',
	fields: reportFields(shape),
	query(i: number) {
		return reportQuery.call(this, i, shape);
	},
});
