-- Why a trained sentiment model was adopted or not, per language (figures with their bootstrap intervals).
ALTER TABLE sentiment_model ADD COLUMN decision VARCHAR(4000);
