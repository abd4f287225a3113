"""GOV.UK-style presentation: one filter a module, each with its own test."""
