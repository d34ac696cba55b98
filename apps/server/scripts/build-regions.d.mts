export type DistrictRow = [code: string, name: string];
export type CityRow = [code: string, name: string, districts: DistrictRow[]];
export type ProvinceRow = [code: string, name: string, cities: CityRow[]];

export interface RegionsData {
  source: string;
  files: string[];
  syntheticCodesUnder: string[];
  counts: { provinces: number; cities: number; districts: number };
  provinces: ProvinceRow[];
}

export interface RegionsSource {
  version: string;
  pca: unknown[];
  hkMoTw: Record<string, Record<string, string[]>>;
}

export const OUTPUT_FILE: string;
export function loadSource(): RegionsSource;
export function buildRegions(source: RegionsSource): RegionsData;
export function formatRegions(data: RegionsData): string;
