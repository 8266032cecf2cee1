"""The shared kernel: people and roles, the audit log, background jobs, text, i18n and security."""
