"""Indonesian places for the synthetic datasets: provinces, regencies and districts with their codes.

Names and two-digit codes follow the style of the Ministry of Home Affairs
(Kemendagri) area codes that also open every NIK (province, regency, district).
They make the fake records look like Indonesian ones; no real person is
behind any combination.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Regency:
    province: str
    province_code: str
    name: str
    code: str  # two digits within the province; 71-79 are cities (kota)
    urban_share: float  # share of households in urban areas
    remote: bool  # hard to reach: surveys there are shorter and less checked


REGENCIES = (
    Regency("DKI Jakarta", "31", "Kota Jakarta Timur", "72", 1.0, False),
    Regency("DKI Jakarta", "31", "Kota Jakarta Utara", "75", 1.0, False),
    Regency("Jawa Barat", "32", "Kota Bandung", "73", 1.0, False),
    Regency("Jawa Barat", "32", "Kabupaten Bogor", "01", 0.6, False),
    Regency("Jawa Barat", "32", "Kabupaten Garut", "05", 0.35, False),
    Regency("Jawa Tengah", "33", "Kota Semarang", "74", 1.0, False),
    Regency("Jawa Tengah", "33", "Kabupaten Wonosobo", "07", 0.25, False),
    Regency("Jawa Timur", "35", "Kota Surabaya", "78", 1.0, False),
    Regency("Jawa Timur", "35", "Kabupaten Jember", "09", 0.35, False),
    Regency("Nusa Tenggara Timur", "53", "Kota Kupang", "71", 1.0, False),
    Regency("Nusa Tenggara Timur", "53", "Kabupaten Timor Tengah Selatan", "02", 0.2, True),
    Regency("Nusa Tenggara Timur", "53", "Kabupaten Sumba Barat Daya", "18", 0.2, True),
    Regency("Maluku", "81", "Kota Ambon", "71", 1.0, False),
    Regency("Maluku", "81", "Kabupaten Maluku Tenggara", "02", 0.2, True),
    Regency("Papua", "91", "Kota Jayapura", "71", 1.0, False),
    Regency("Papua", "91", "Kabupaten Jayawijaya", "02", 0.2, True),
)

#: The districts (kecamatan) of Kota Yogyakarta (province 34, city 71), with their codes.
YOGYAKARTA_DISTRICTS = (
    ("Mantrijeron", "01"), ("Kraton", "02"), ("Mergangsan", "03"), ("Umbulharjo", "04"),
    ("Kotagede", "05"), ("Gondokusuman", "06"), ("Danurejan", "07"), ("Pakualaman", "08"),
    ("Gondomanan", "09"), ("Ngampilan", "10"), ("Wirobrajan", "11"), ("Gedongtengen", "12"),
    ("Jetis", "13"), ("Tegalrejo", "14"),
)
YOGYAKARTA_CODE = "3471"

#: Street and neighbourhood names used in complaint texts (no house numbers: these are not addresses).
STREETS = (
    "Jl. Merdeka", "Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Gajah Mada",
    "Jl. Pahlawan", "Jl. Veteran", "Jl. Pemuda", "Jl. Kartini", "Jl. Hasanuddin",
    "Jl. Imam Bonjol", "Jl. Pattimura", "Jl. Cendrawasih", "Jl. Melati", "Jl. Kenanga",
    "Jl. Raya Bogor", "Jl. Pasar Baru", "Jl. Stasiun", "Jl. Kampus", "Jl. Industri",
)
NEIGHBOURHOODS = (
    "Kelurahan Sukamaju", "Kelurahan Sindangsari", "Kelurahan Karanganyar", "Desa Sumberejo",
    "Desa Mekarsari", "Kelurahan Cempaka Putih", "Perumahan Griya Asri", "Kampung Baru",
    "Kelurahan Tegalsari", "Desa Tanjungsari", "Pasar Induk", "Terminal Kota",
    "Puskesmas Kecamatan", "SDN 03", "Alun-alun",
)
