-- Personal data of registrations is not kept longer than needed (PIPL): the network address a
-- registration came from is blanked after a week, a refused registration is anonymised after
-- a month (registration.RegistrationRetention). The row stays, for counts; this says when it
-- was anonymised, so the job touches each row once.
alter table registration add column anonymised_at timestamp with time zone;
