// Placeholder; the bcv CLI lands with the foundation issue.
process.stdout.write('bcv\n');
