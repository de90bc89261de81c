-- Issue 15: an API token is its own principal. Each token gets a service identity in app_user (kind SERVICE,
-- no email, no password, never listed or assignable as a person), and api_token.user_id now points at that
-- identity instead of the person who issued the token; the issuer is kept in api_token.issued_by.
ALTER TABLE app_user ADD COLUMN kind VARCHAR(16) DEFAULT 'PERSON' NOT NULL;
ALTER TABLE app_user ADD COLUMN token_id BIGINT REFERENCES api_token (id);
ALTER TABLE app_user ALTER COLUMN email DROP NOT NULL;
CREATE UNIQUE INDEX app_user_token_uk ON app_user (token_id);

ALTER TABLE api_token ADD COLUMN issued_by BIGINT REFERENCES app_user (id);
UPDATE api_token SET issued_by = user_id;

-- Existing tokens keep working, each now as itself (a revoked token's identity is inactive).
INSERT INTO app_user (workspace_id, email, name, password_hash, role, status, status_changed_at, active, created_at, kind, token_id)
SELECT workspace_id, NULL, 'token:' || SUBSTRING(name, 1, 194), NULL, role, 'OFFLINE', created_at,
       CASE WHEN revoked_at IS NULL THEN TRUE ELSE FALSE END, created_at, 'SERVICE', id
FROM api_token;
UPDATE api_token SET user_id = (SELECT u.id FROM app_user u WHERE u.token_id = api_token.id);
