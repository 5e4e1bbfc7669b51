-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: what reception needs first. Duplicate checks look people up by name
-- with their birth year and home province; case-file deadlines count working days, which
-- skip the public holidays of a table the administrator keeps (seeded for 2025-2027 from
-- the government's announcements; Tết days vary every year).

CREATE INDEX person_name ON person (given_name, family_name, middle_name);

CREATE TABLE holiday (
  day         TEXT PRIMARY KEY,   -- YYYY-MM-DD
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);

INSERT INTO holiday (day, name, created_at, created_by) VALUES
  ('2025-01-01', 'Tết Dương lịch', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-25', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-26', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-27', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-28', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-29', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-30', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-01-31', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-02-01', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-02-02', 'Tết Nguyên đán', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-04-30', 'Ngày Giải phóng miền Nam', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-05-01', 'Ngày Quốc tế Lao động', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-05-02', 'Nghỉ bù Ngày Quốc tế Lao động', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-09-01', 'Quốc khánh', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2025-09-02', 'Quốc khánh', '2025-01-01T00:00:00+07:00', 'seed'),
  ('2026-01-01', 'Tết Dương lịch', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-01-02', 'Nghỉ bù Tết Dương lịch', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-02-16', 'Tết Nguyên đán', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-02-17', 'Tết Nguyên đán', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-02-18', 'Tết Nguyên đán', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-02-19', 'Tết Nguyên đán', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-02-20', 'Tết Nguyên đán', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-04-26', 'Giỗ Tổ Hùng Vương', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-05-01', 'Ngày Quốc tế Lao động', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-09-01', 'Quốc khánh', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2026-09-02', 'Quốc khánh', '2026-01-01T00:00:00+07:00', 'seed'),
  ('2027-01-01', 'Tết Dương lịch', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-05', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-06', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-07', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-08', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-09', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-02-10', 'Tết Nguyên đán', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-04-30', 'Ngày Giải phóng miền Nam', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-05-01', 'Ngày Quốc tế Lao động', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-09-01', 'Quốc khánh', '2027-01-01T00:00:00+07:00', 'seed'),
  ('2027-09-02', 'Quốc khánh', '2027-01-01T00:00:00+07:00', 'seed');
