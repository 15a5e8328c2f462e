import { describe, expect, it } from 'vitest';
import { defineModel } from '../model/define-model.js';
import { field } from '../model/fields.js';
import { tableLayout } from './layout.js';

const fields = {
  pipelineId: field.text({ required: true }),
  stage: field.text({ required: true }),
  amount: field.money(),
  probability: field.integer(),
};

describe('index layout', () => {
  it('appends included fields after the key; a money field brings currency then amount', () => {
    const deal = defineModel({
      name: 'layoutDeal',
      idPrefix: 'ldl',
      fields,
      indexes: [{ fields: ['pipelineId', 'stage'], include: ['amount', 'probability', 'stage'] }],
    });
    const [index] = tableLayout(deal).indexes;
    expect(index).toEqual({
      name: 'sk_layout_deal_pipeline_id_stage_idx',
      columns: ['pipeline_id', 'stage', 'amount_currency', 'amount', 'probability'],
      unique: false,
    });
  });

  it('refuses included fields on a unique index, and unknown included fields', () => {
    expect(() =>
      defineModel({
        name: 'layoutDeal',
        idPrefix: 'ldl',
        fields,
        indexes: [{ fields: ['pipelineId'], unique: true, include: ['amount'] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    expect(() =>
      defineModel({
        name: 'layoutDeal',
        idPrefix: 'ldl',
        fields,
        indexes: [{ fields: ['pipelineId'], include: ['nope'] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
  });
});
