## story pack (en): loaded with the app pack; see crates/messages.
