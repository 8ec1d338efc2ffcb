import { relationOperation } from './fields';

export const { description, execute } = relationOperation('linkChild', 'PUT', 'link');
