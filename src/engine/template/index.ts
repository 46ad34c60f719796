/** Criteria templates: the format, reading and writing it, inferring one from a sheet, the built-ins. */
export { BUILTIN_PREFIX, builtinTemplate, BuiltinInfo, listBuiltinTemplates } from './builtin';
export { decodeChoice, encodeChoice, TemplateChoice } from './choice';
export { compositeTotals, readParts } from './composite';
export { inferComposite, inferTemplate, InferOptions, templateId, UNNAMED_BLOC } from './infer';
export { flattenTemplate, matchTemplate, similarity, TemplateMatch, TemplateNode, wordingOf } from './match';
export { parseTemplate, parseTemplateJson, ParseResult, templateToJson } from './parse';
export * from './schema';
