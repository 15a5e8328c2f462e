import type { ScoreResult } from '@sellkit/core';
import type { OpportunityFacts } from './rules.js';

/**
 * The benchmark rule set written by hand as plain JavaScript: the baseline the compiled code is
 * measured against. It returns the same result shape and does no type checking.
 */
export function scoreByHand(facts: OpportunityFacts): ScoreResult {
  const o = facts.opportunity;
  const c = facts.company;
  let total = 0;
  let tags: string[] | null = null;
  const fired: string[] = [];
  if (o.amount >= 100000 && (o.stage === 'proposal' || o.stage === 'negotiation')) {
    total += 30;
    fired.push('big-deal');
  }
  if (o.amount < 5000 && o.stage !== 'won') {
    total -= 10;
    fired.push('small-deal');
  }
  if ((o.source === 'referral' || o.source === 'partner') && o.probability >= 50) {
    total += 15;
    fired.push('hot-source');
  }
  if (o.daysOpen > 180 && (o.stage === 'lead' || o.stage === 'qualified') && c.tier !== 'gold') {
    total -= 20;
    fired.push('stale');
  }
  if (
    c.employees >= 1000 &&
    (c.industry === 'manufacturing' || c.industry === 'finance' || c.industry === 'medical')
  ) {
    total += 25;
    fired.push('enterprise');
  }
  if (c.employees < 50 && c.industry === 'software' && o.amount > 10000) {
    total += 8;
    fired.push('smb-software');
  }
  if (c.customerSince >= 5 && (c.tier === 'gold' || c.tier === 'silver')) {
    total += 12;
    fired.push('loyal');
  }
  if (c.openTickets > 5 && c.tier !== 'gold') {
    total -= 15;
    fired.push('churn-risk');
    tags ??= [];
    tags.push('risk');
  }
  if (o.products.includes('erp') && o.products.includes('bi')) {
    total += 10;
    fired.push('multi-product');
  }
  if (o.products.includes('crm') && !o.products.includes('erp') && o.amount <= 20000) {
    total += 3;
    fired.push('crm-only');
  }
  if (
    (c.country === 'DE' || c.country === 'AT' || c.country === 'CH') &&
    (o.region === 'south' || o.region === 'east')
  ) {
    total += 5;
    fired.push('dach');
  }
  if (c.country === 'US' && o.amount >= 250000) {
    total += 20;
    fired.push('us-big');
  }
  if (o.discount > 30 && o.probability < 40) {
    total -= 12;
    fired.push('deep-discount');
  }
  if (o.contacts >= 8 || (o.contacts >= 4 && c.employees >= 500)) {
    total += 9;
    fired.push('many-contacts');
  }
  if (o.source === 'outbound' && o.probability <= 20 && o.daysOpen > 60) {
    total -= 6;
    fired.push('outbound-cold');
  }
  if (o.source === 'event' && o.daysOpen <= 14) {
    total += 7;
    fired.push('event-fresh');
  }
  if (c.industry === 'public' && (o.amount >= 50000 || o.daysOpen > 90)) {
    total -= 4;
    fired.push('public-sector');
    tags ??= [];
    tags.push('tender');
  }
  if (c.industry === 'retail' && o.products.includes('pos')) {
    total += 6;
    fired.push('retail-pos');
  }
  if (o.stage === 'negotiation' && o.probability >= 70 && o.discount <= 15) {
    total += 18;
    fired.push('negotiation-likely');
    tags ??= [];
    tags.push('closing');
  }
  if (o.stage === 'lost' && o.amount > 0) {
    total -= 30;
    fired.push('lost-cause');
  }
  if (
    o.stage === 'won' &&
    (c.tier === 'gold' || c.tier === 'silver' || c.tier === 'bronze') &&
    !o.products.includes('bi')
  ) {
    total += 4;
    fired.push('won-upsell');
    tags ??= [];
    tags.push('upsell');
  }
  if (c.employees >= 200 && c.employees < 1000 && o.amount >= 30000) {
    total += 10;
    fired.push('mid-market');
  }
  if (c.tier === 'none' && o.amount >= 75000 && o.probability >= 30) {
    total += 7;
    fired.push('no-tier-big');
  }
  if (o.source === 'partner' && o.region !== 'north') {
    total += 3;
    fired.push('partner-region');
  }
  if (c.industry === 'finance' && o.products.includes('hr')) {
    total += 5;
    fired.push('finance-hr');
  }
  if (c.industry === 'medical' && (c.country === 'DE' || c.country === 'FR' || c.openTickets < 2)) {
    total += 6;
    fired.push('medical-compliance');
  }
  if (o.daysOpen < 30 && o.probability > 60 && o.amount >= 10000 && o.amount <= 60000) {
    total += 11;
    fired.push('quick-win');
  }
  if (o.probability < 10 && o.stage !== 'won' && o.stage !== 'lost') {
    total -= 8;
    fired.push('long-shot');
  }
  if (c.employees > 5000 && c.tier === 'gold' && o.amount >= 150000 && o.stage !== 'lost') {
    total += 35;
    fired.push('strategic');
    tags ??= [];
    tags.push('strategic');
  }
  if (c.openTickets >= 3 && c.customerSince > 10) {
    total += 2;
    fired.push('tickets-but-loyal');
  }
  const band = total >= 40 ? 'hot' : total >= 15 ? 'warm' : 'cold';
  return {
    ruleSetId: 'bench-opportunity-priority',
    ruleSetVersion: 1,
    total,
    band,
    priority: band === 'hot' ? 1 : band === 'warm' ? 2 : 3,
    tags: tags ?? [],
    fired,
  };
}
