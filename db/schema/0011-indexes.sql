-- Indexes for the date filters of the reports and the views of a day, found missing by
-- `shelterctl bench` and tests/unit/test-query-plans.c: without them each of these reads
-- every row of a table that grows with the residents.

-- Stays received in a period (the statistics, the occupancy history).
CREATE INDEX stay_admitted ON stay (admitted_at);
-- Who is in which bed at a moment: open placements, or ended after it.
CREATE INDEX placement_ended ON placement (ended_at);
-- Follow-ups done, clothing kits issued and referrals sent in a period (the statistics).
CREATE INDEX follow_up_done ON follow_up (done_on);
CREATE INDEX clothing_kit_issued ON clothing_kit (issued_on);
CREATE INDEX referral_sent ON referral (sent_on);
-- Stays ended in a period (the statistics' discharges), and stays overlapping a period:
-- stay_open holds only the stays not ended.
CREATE INDEX stay_discharged ON stay (discharged_at);
-- The Residents list of everyone on record, by name: the ids straight from the index,
-- without reading each person's row for voided_at.
CREATE INDEX person_list ON person (sort_key) WHERE voided_at IS NULL;
