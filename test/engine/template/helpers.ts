/** A template made from the small valid table, for rule tests: every rule is tried against a sheet that differs from it. */
import { inferTemplate, Template } from '../../../src/engine';
import { check } from '../../helpers/check';
import { validTable } from '../../helpers/grid';

export function validTemplate(): Template {
  return inferTemplate(check(validTable()), { bloc: 'Khối thử nghiệm', year: 2022 });
}
