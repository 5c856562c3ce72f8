## model pack (zh): loaded with the app pack; see crates/messages.
