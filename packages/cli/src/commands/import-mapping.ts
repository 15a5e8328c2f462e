import { readFileSync } from 'node:fs';
import { SellkitError } from '@sellkit/core';

/** A mapping file: the column mapping, plus optional value maps, defaults and phone country. */
export interface MappingFile {
  readonly mapping: Record<string, unknown>;
  readonly valueMaps?: Record<string, Record<string, string>>;
  readonly defaults?: Record<string, unknown>;
  /** The country national phone numbers of the file are read in (`US`, `CN`). */
  readonly defaultCountry?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads a `--map` file. Two shapes are accepted: the mapping itself
 * (`{ "name": "Company", "industry": "Sector" }`) or
 * `{ "mapping": {...}, "valueMaps": {...}, "defaults": {...}, "defaultCountry": "US" }`.
 * Mapping values take every shape the importer does: a column, several columns
 * (`["Phone 1", "Phone 2"]`), `{ "column", "format", ... }`, address parts
 * (`{ "city": "City", "country": "Country" }`) or `{ "split": "Full Name" }`.
 * A missing file, bad JSON or a wrong shape is one clear `SellkitError`.
 */
export function readMappingFile(file: string): MappingFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SellkitError(
      'NOT_FOUND',
      `cannot read mapping file ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `mapping file ${file} is not valid JSON: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  if (!isObject(parsed)) {
    throw new SellkitError('VALIDATION_FAILED', `mapping file ${file} must hold a JSON object`, {
      file,
    });
  }
  if (!isObject(parsed.mapping)) return { mapping: parsed };
  const { mapping, valueMaps, defaults, defaultCountry, ...rest } = parsed;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `mapping file ${file}: unknown key ${unknown[0]} (expected mapping, valueMaps, defaults, defaultCountry)`,
      { file },
    );
  }
  if (defaultCountry !== undefined && typeof defaultCountry !== 'string') {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `mapping file ${file}: defaultCountry must be a country code such as "US"`,
      { file },
    );
  }
  if (valueMaps !== undefined && !isObject(valueMaps)) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `mapping file ${file}: valueMaps must be an object`,
      {
        file,
      },
    );
  }
  if (defaults !== undefined && !isObject(defaults)) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `mapping file ${file}: defaults must be an object`,
      {
        file,
      },
    );
  }
  return {
    mapping,
    ...(valueMaps ? { valueMaps: valueMaps as Record<string, Record<string, string>> } : {}),
    ...(defaults ? { defaults } : {}),
    ...(typeof defaultCountry === 'string' ? { defaultCountry } : {}),
  };
}
