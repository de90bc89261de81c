-- Agents' handling time per case (phone calls add their talk time), the base of handle-time KPIs.
ALTER TABLE conversation ADD COLUMN handle_seconds INTEGER DEFAULT 0 NOT NULL;
