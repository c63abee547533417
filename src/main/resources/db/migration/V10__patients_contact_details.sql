-- the portal's profile: a second address line, and an email for an emergency contact
ALTER TABLE patient_clients ADD COLUMN address_line2 VARCHAR(200);
ALTER TABLE patient_emergency_contacts ADD COLUMN email VARCHAR(254);
