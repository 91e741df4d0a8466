-- The province registry: the 63 provinces and the province each belongs to from 1 July 2025.
SELECT code, name, region, new_province
FROM provinces
ORDER BY code;
