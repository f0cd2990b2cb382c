"""The calendar the rules count in: Norwegian public holidays and ISO weeks."""
