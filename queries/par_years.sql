-- The years that have PAR Index figures, newest first.
SELECT DISTINCT year FROM par_current ORDER BY year DESC;
