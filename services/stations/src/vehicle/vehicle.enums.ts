export const FLAG_VEHICLE_KIND_LABELS = {
  ELECTRIC_BIKE: '电动自行车',
  MOTORCYCLE: '摩托车',
  CAR: '小型汽车',
  VAN: '面包车',
  TRUCK: '货车',
} as const;
export type FlagVehicleKind = keyof typeof FLAG_VEHICLE_KIND_LABELS;
export const FLAG_VEHICLE_KINDS = Object.keys(FLAG_VEHICLE_KIND_LABELS) as FlagVehicleKind[];

export const FLAG_VEHICLE_STATUS_LABELS = {
  ACTIVE: '在用',
  RETIRED: '已撤销命名',
} as const;
export type FlagVehicleStatus = keyof typeof FLAG_VEHICLE_STATUS_LABELS;
export const FLAG_VEHICLE_STATUSES = Object.keys(FLAG_VEHICLE_STATUS_LABELS) as FlagVehicleStatus[];
