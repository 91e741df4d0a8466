DELETE FROM provinces;
INSERT INTO provinces (code, name, region, new_province, seat_of_new)
SELECT code, name, region, new_province, seat_of_new FROM incoming;
