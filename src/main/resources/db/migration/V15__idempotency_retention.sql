-- Answers to idempotent requests are forgotten after a day (IdempotencyRetention): by age.
create index idempotent_request_created on idempotent_request (created_at);
