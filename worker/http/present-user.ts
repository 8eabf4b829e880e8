import type { UserWithPlaces } from "../db/queries/users";

export const presentUser = ({ user, agencyName, regionName }: UserWithPlaces) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  agency_id: user.agencyId,
  agency_name: agencyName,
  region_agency_id: user.regionAgencyId,
  region_name: regionName,
  active: user.active,
  created_at: user.createdAt,
  last_login_at: user.lastLoginAt,
});
