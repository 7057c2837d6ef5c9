import { z } from 'zod';
import { defineEventContracts, defineUpcaster, type EventUpcaster } from './event-contracts';

const renamedV1 = z.strictObject({ name: z.string() });
const renamedV2 = z.strictObject({ title: z.string() });
const renamedV3 = z.strictObject({ title: z.string(), tags: z.array(z.string()) });
const contracts = {
  ThingRenamed: { schemaVersion: 3, schema: renamedV3 },
  ThingDeleted: { schemaVersion: 1, schema: z.strictObject({ at: z.string() }) },
};
const v1to2 = defineUpcaster({
  type: 'ThingRenamed',
  fromVersion: 1,
  from: renamedV1,
  to: renamedV2,
  upcast: ({ name }) => ({ title: name }),
});
const v2to3 = defineUpcaster({
  type: 'ThingRenamed',
  fromVersion: 2,
  from: renamedV2,
  to: renamedV3,
  upcast: (v2) => ({ ...v2, tags: [] }),
});

describe('defineEventContracts', () => {
  it('lists the types and the version each is written at today', () => {
    const registry = defineEventContracts(contracts, [v2to3, v1to2]);
    expect(registry.types).toEqual(['ThingRenamed', 'ThingDeleted']);
    expect(registry.currentSchemaVersions).toEqual({ ThingRenamed: 3, ThingDeleted: 1 });
    expect(registry.upcasters).toEqual([v2to3, v1to2]);
  });

  it('refuses a version that has no step up to the current one', () => {
    expect(() => defineEventContracts(contracts, [v2to3])).toThrow('ThingRenamed is at v3 but nothing upcasts v1');
  });

  it('refuses upcasters for unknown types, for the current version or beyond, and two for one step', () => {
    const stray: EventUpcaster = { type: 'ThingMoved', fromVersion: 1, upcast: (d) => d };
    expect(() => defineEventContracts(contracts, [v1to2, v2to3, stray])).toThrow('ThingMoved, which has no contract');
    const tooFar: EventUpcaster = { ...v1to2, fromVersion: 3 };
    expect(() => defineEventContracts(contracts, [v1to2, v2to3, tooFar])).toThrow('from v3');
    expect(() => defineEventContracts(contracts, [v1to2, v2to3, v1to2])).toThrow('Two upcasters for ThingRenamed v1');
  });
});

describe('defineUpcaster', () => {
  it('upcasts data of its version', () => {
    expect(v1to2.upcast({ name: 'Big Thing' }, {})).toEqual({ title: 'Big Thing' });
  });

  it('refuses data that is not of its version, naming the field', () => {
    expect(() => v1to2.upcast({ title: 'x' }, {})).toThrow(/ThingRenamed v1 data does not match its schema: name: /);
  });
});
