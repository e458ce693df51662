"""Two small made-up Indonesian registers with the mistakes real registers have.

They are tiny on purpose: a learner can see every row and every mistake. The
lesson cleans the market-stall register; the exercise asks learners to write
a cleaning function for the business-permit register (its visible check uses
this one; the hidden tests use other rows). Every name, number and date here
is invented; the postcodes have the shape of Bandung's kode pos.
"""
from __future__ import annotations

import pandas as pd


def market_stalls() -> pd.DataFrame:
    """A made-up register of market-stall leases (Dinas Perdagangan), dates written day first."""
    return pd.DataFrame({
        "no_kios": ["K-001", "K-002", "K-003", "K-004", "K-005", "K-006", "K-007", "K-002"],
        "pasar": ["Pasar Baru", "Pasar Baru", "PASAR BARU", "Pasar Kosambi", "pasar kosambi",
                  "Pasar Kosambi", "Psr. Baru", "Pasar Baru"],
        "kode_pos": ["40181", "40181", "40181", "40112", "4O112", "40112-0031", "40181", "40181"],
        "tanggal_sewa": ["02/01/2024", "15/01/2024", "03/02/2024", "30/02/2024", "12/03/2024",
                         "01/04/2024", "20/04/2024", "15/01/2024"],
    })


def business_permits() -> pd.DataFrame:
    """A made-up register of business permits (DPMPTSP), dates written day first."""
    return pd.DataFrame({
        "nomor_izin": ["IU-0101", "IU-0102", "IU-0103", "IU-0103", "IU-0104", "IU-0105",
                       "IU-0106", "IU-0107", "IU-0108"],
        "kecamatan": ["Coblong", "Coblong", "coblong", "coblong", "Sukajadi", "SUKAJADI",
                      "Sukajadi", "Cicendo", "Coblong"],
        "kode_pos": ["40132", "40132", "40132", "40132", "40162", "4016", "40162-1234", "40171",
                     "40132"],
        "tanggal_terbit": ["03/04/2024", "05/04/2024", "10/04/2024", "10/04/2024", "15/04/2024",
                           "22/04/2024", "31/04/2024", "12/05/2024", "20/05/2024"],
    })
