import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OutputShape } from '../../../shared';
import {
	outputProperties,
	processItems,
	requireValue,
	shapeOutput,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { webEngageRequest } from '../../transport';

/**
 * A survey response has 15 documented fields (https://docs.webengage.com/docs/rest-api-on-site-survey):
 * id, surveyId, title, licenseCode, questionResponses, customData, and under activity pageUrl,
 * pageTitle, ip, city, country, browser, browserVersion, platform and activityOn. The simplified
 * one keeps the answers and when and where they were given; it leaves out the account's own
 * license code and the visitor's IP address, location, browser and platform.
 */
const SURVEY_RESPONSE_OUTPUT: OutputShape = {
	kind: 'output',
	record: 'survey response',
	fields: {
		id: "the response's ID",
		surveyId: 'the ID of the survey answered',
		title: "the survey's title",
		questionResponses:
			'the answers, one per question: questionId, questionText and value, whose @class is the answer type (list, matrix, map, text, score or file) with values, value or file details',
		customData: 'data the website attached to the survey, each key a list of values',
		'activity.activityOn': 'when the response was submitted',
		'activity.pageUrl': 'the web page it was submitted on',
	},
};

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('survey', 'getResponse'),
	[
		{
			displayName: 'Response ID',
			name: 'responseId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of one survey response, e.g. from a Survey Response webhook',
		},
		...outputProperties(SURVEY_RESPONSE_OUTPUT),
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const responseId = requireValue(
			this.getNode(),
			this.getNodeParameter('responseId', i),
			'Response ID',
			i,
		);
		// The only WebEngage path without the account segment: the response ID is global.
		const response = await webEngageRequest.call(this, {
			method: 'GET',
			path: `/v1/survey/response/${encodeURIComponent(responseId)}`,
			itemIndex: i,
		});
		const data =
			((response.response as IDataObject | undefined)?.data as IDataObject | undefined) ?? {};
		return shapeOutput.call(this, data, i, SURVEY_RESPONSE_OUTPUT);
	});
}
