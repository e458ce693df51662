# %% [markdown]
# # Module 04 — Privacy and anonymisation of government data
#
# **Can we publish or share this data without exposing people?**
#
# ⏱️ **About 75 minutes.** Then the graded [exercise](exercise.ipynb) (about 45 minutes) and the
# [sandbox](sandbox.ipynb) for your own data.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# Public bodies hold the most sensitive data about citizens: health, income, family, social
# assistance. They are also asked to publish and share more of it — open data portals, research
# requests, dashboards. This module teaches the checks that statistics offices use before data
# leaves the building.
#
# **After this lesson you will be able to:**
#
# 1. tell **direct identifiers** from **quasi-identifiers** and **sensitive attributes**, and
#    identity disclosure from attribute disclosure;
# 2. run a **linkage attack** and measure how many "anonymous" records it re-identifies;
# 3. explain why a plain hash of a NIK can be reversed, and **pseudonymise** with a secret key;
# 4. measure **k-anonymity** and **l-diversity**, and reach a target k by **generalising** and
#    **suppressing**, while measuring the **usefulness** lost;
# 5. publish counts with **differential privacy** and keep a **privacy budget**;
# 6. name what Indonesian law asks: UU No. 27/2022 on Personal Data Protection and the
#    statistics office's duty of confidentiality.
#
# > All people in this lesson's register and lists are **made up** (synthetic data): no real
# > person is behind any row. The breach reports in section 8 are real public records.

# %% [markdown]
# Run the next cell first: it loads the module's tools and the data. Besides the course's own
# tools it loads two packages of ready-made code that the course uses everywhere: pandas, for
# tables, and NumPy (imported as `np`), for calculating with numbers, including drawing random
# numbers.

# %%
import numpy as np
import pandas as pd

from civicai import privacy
from civicai.data import load
from civicai.privacy import explore
from civicai.style import callout, chart_summary, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Removing names is not anonymisation (5 min)
#
# Imagine the provincial health office (*Dinas Kesehatan*) wants to help researchers. It takes
# its patient register, deletes the names and NIK numbers, and publishes the rest. Is that safe?
#
# In 2000, the computer scientist Latanya Sweeney used US census figures to answer a similar
# question. She found that **87% of the US population (216 million of 248 million) was likely
# unique on just three facts: 5-digit ZIP code (postcode), sex and full date of birth.** At the
# level of a whole town instead of a ZIP code, it was still 53%; at county level, 18%.
#
# *Source: L. Sweeney, "Simple Demographics Often Identify People Uniquely", Carnegie Mellon
# University, Data Privacy Working Paper 3, 2000. A later study with 2000 census data found a
# lower but still large share, 63% (P. Golle, "Revisiting the uniqueness of simple
# demographics in the US population", ACM Workshop on Privacy in the Electronic Society, 2006).*

# %%
callout("case", "Real case: the governor's hospital records (Massachusetts, 1997)",
        "A state insurance body released the hospital visits of state employees for research, "
        "with names, addresses and social security numbers removed. ZIP code, birth date and sex "
        "were kept, so that researchers could still compute useful statistics. The governor "
        "assured the public that patients' privacy was protected.\n\n"
        "Sweeney, then a PhD student, bought the voter registration list of the governor's "
        "city, Cambridge, Massachusetts. It had every voter's name next to the same three "
        "columns. Joining the two tables, she found the governor's own hospital records. Her "
        "work led to the idea of k-anonymity, which you will use in section 5.\n\n"
        "Sources: D. Desfontaines, \"k-anonymity, the parent of all privacy definitions\" "
        "(desfontain.es/blog/k-anonymity.html); L. Sweeney, \"k-anonymity: a model for "
        "protecting privacy\", International Journal on Uncertainty, Fuzziness and "
        "Knowledge-based Systems 10(5), 2002.")

# %% [markdown]
# Indonesian law already sees this. **UU No. 27/2022 on Personal Data Protection** (*UU
# Pelindungan Data Pribadi*, UU PDP), Article 4, lists among general personal data "personal
# data combined to identify a person" (*data pribadi yang dikombinasikan untuk mengidentifikasi
# seseorang*), and it counts health data among **specific** personal data, which needs the most
# care. A table without names can still be personal data.

# %% [markdown]
# ## 2. Three kinds of columns, two kinds of disclosure (5 min)
#
# Statistics offices sort the columns of a table before they release it (IHSN/World Bank,
# *Statistical Disclosure Control: A Practice Guide*, section "Classification of variables"):
#
# | kind | what it is | examples | what to do |
# |---|---|---|---|
# | **direct identifier** | points to one person on its own | name, NIK, passport number, phone, e-mail, street address | remove it (or replace it with a keyed pseudonym, section 4) |
# | **quasi-identifier** | harmless alone, identifying in combination, and known to outsiders | birth date, sex, kecamatan, postcode, occupation | measure the risk, then generalise or suppress (sections 5-6) |
# | **sensitive attribute** | what must not be learned about a person | diagnosis, income, disability, criminal record, receipt of social assistance | protect it: it is what an attacker is after |
#
# A column can be both a quasi-identifier and sensitive. Whether a column is a quasi-identifier
# depends on what **outsiders** can know: anything printed in a public list, visible on the
# street, or posted on social media can be used to link.
#
# And there are two ways a release can hurt someone (same guide, "Types of disclosure"):
#
# - **identity disclosure**: an attacker finds *which row is you*; then everything in that row
#   is exposed;
# - **attribute disclosure**: an attacker learns *something about you* without finding your row.
#   The guide's example: if a hospital publishes that **all** female patients aged 56 to 60 have
#   cancer, anyone who knows a woman of that age who was a patient knows her diagnosis.

# %% [markdown]
# Here is the "anonymised" release of a hospital in Kota Yogyakarta: 2,500 patients treated in
# 2023. Look at its columns.

# %%
release = load("health_release")
release.head()

# %% [markdown]
# No names and no NIK numbers. But birth date, sex and kecamatan are **quasi-identifiers**, and
# the diagnosis is the **sensitive attribute**.

# %% [markdown]
# ## 3. A linkage attack (10 min)
#
# The attacker needs a second table that has names **and** the same quasi-identifiers. Voter
# lists are the classic example (Sweeney used one). In Indonesia, the provisional voter list
# (*Daftar Pemilih Sementara*, DPS) is posted at every village or kelurahan office so that
# citizens can check it and report errors such as a misspelt name or a wrong sex
# ([Antara Kalbar, 2013](https://kalbar.antaranews.com/berita/314410/kpu-kalbar-dorong-peran-aktif-masyarakat-sikapi-dps)).
# Our made-up public list has fake names, fake NIK numbers, birth dates, sex and kecamatan.

# %%
public_list = load("voter_list")
public_list.head()

# %% [markdown]
# ### Step by step: one record
#
# Take the second patient in the release (a man from Tegalrejo, born on 10 April 1976, treated
# for a stroke). The attacker looks for everyone on the public list with the same birth date,
# sex and kecamatan.

# %%
quasi = ["birth_date", "sex", "kecamatan"]
patient = release.iloc[1]
same = (public_list["birth_date"] == patient["birth_date"]) \
    & (public_list["sex"] == patient["sex"]) \
    & (public_list["kecamatan"] == patient["kecamatan"])
public_list[same]

# %% [markdown]
# Exactly **one** person on the list matches: the attacker now has a name and a NIK for a
# patient who had a stroke. That is **identity disclosure**.

# %% [markdown]
# ### All records at once
#
# Doing this for every row is a **join** (in pandas, `merge`): it pairs each release row with
# every public-list row that has the same quasi-identifiers. We keep each release row's number
# (`row`) so that we can then count how many candidates each row got.

# %%
joined = release.rename_axis("row").reset_index().merge(public_list, on=quasi)
candidates = joined.groupby("row").size()
print("release rows with exactly one candidate:", int((candidates == 1).sum()))
print("release rows with several candidates:   ", int((candidates > 1).sum()))
print("release rows with no candidate:         ", len(release) - len(candidates))

# %% [markdown]
# The course's tool `privacy.linkage_attack` does exactly this, and counts three outcomes: one
# candidate (re-identified), several candidates (a short list of suspects), or none.

# %%
attack = privacy.linkage_attack(release, public_list, quasi)
attack

# %% [markdown]
# These are the re-identified records: a fake name and NIK next to a diagnosis.

# %%
attack.matches[["name", "nik", *quasi, "diagnosis"]].head()

# %% [markdown]
# ⚠️ **A common mistake:** counting every joined row as re-identified. A record that matches
# three people on the list is not re-identified (yet) — but it is not safe either: three
# suspects is a very short list. That is why the next sections measure the size of these groups.

# %% [markdown]
# ## 4. Pseudonymisation done right (10 min)
#
# Sometimes a dataset must keep a link to the person: to follow a patient across years, or to
# join two registers. The usual answer is a **pseudonym**: replace the NIK by a code that is
# always the same for the same NIK but does not show it.
#
# A tempting way is a **hash function** such as SHA-256: it turns any text into 64 characters,
# always the same for the same text, and cannot be run backwards.

# %%
privacy.plain_hash("3471065007849001")

# %% [markdown]
# ### The NIK has a public structure
#
# The 16 digits of a NIK are not random. Dukcapil explains them publicly
# ([Dukcapil Kabupaten Klaten, "Arti 16 digit Nomor Induk Kependudukan"](https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik)):
#
# | digits | meaning | example `3471065007849001` |
# |---|---|---|
# | 1-2 | province | 34 = DI Yogyakarta |
# | 3-4 | regency or city | 71 = Kota Yogyakarta |
# | 5-6 | district (kecamatan) | 06 |
# | 7-12 | birth date DDMMYY; **women have 40 added to the day** | 50 07 84 = a woman born on 10 July 1984 |
# | 13-16 | serial number, from 0001 | 9001 |
#
# (The course's fake NIKs use serial numbers from 9000 up, which real registers practically
# never reach, so that no example is a real person's number.)

# %%
privacy.parse_nik("3471065007849001")

# %% [markdown]
# ### Why a plain hash can be reversed
#
# A hash cannot be run backwards, but it can be run **forwards on every possible NIK**. If an
# attacker knows someone's kecamatan and roughly their birth year — exactly what a public list
# gives — the number of possible NIKs is small. They hash every candidate and look the results
# up. Here is a list of hashed NIKs that an office "anonymised" this way:

# %%
rng = np.random.default_rng(404)
born = pd.Timestamp("1980-01-01") + pd.to_timedelta(rng.integers(0, 3650, 8), unit="D")
secret_niks = [privacy.make_nik("347106", day.date(), sex, int(serial))
               for day, sex, serial in zip(born, rng.choice(["F", "M"], 8),
                                           rng.integers(9001, 9021, 8))]
hashed = [privacy.plain_hash(nik) for nik in secret_niks]
hashed[:3]

# %% [markdown]
# The attacker tries every NIK of kecamatan 06 in Kota Yogyakarta, for people born in the
# 1980s, both sexes, serials 9001 to 9020. (A deliberately small search space, so that it runs
# in a few seconds here.)

# %%
import time

start = time.perf_counter()
space = privacy.candidate_niks(["347106"], pd.Timestamp("1980-01-01").date(),
                               pd.Timestamp("1989-12-31").date(), range(9001, 9021))
found = privacy.reverse_plain_hashes(hashed, space)
seconds = time.perf_counter() - start
tried = privacy.search_space_size(regions=1, birth_days=3653, serials=20)
print(f"Tried up to {tried:,} NIKs in {seconds:.1f} s; recovered {len(found)} of {len(hashed)}.")

# %% [markdown]
# Every NIK came back. How long would a bigger search take at this speed, on this one small
# computer? (A real attacker would use many computers, or hardware built for hashing, and go
# much faster.)

# %%
speed = tried / seconds
scenarios = pd.DataFrame({
    "what the attacker knows": ["kecamatan and birth decade (above)",
                                "kecamatan only: born 1925-2024, serials 1-9999",
                                "city only: its 14 kecamatan, born 1925-2024, serials 1-9999"],
    "NIKs to try": [tried, privacy.search_space_size(1, 36525, 9999),
                    privacy.search_space_size(14, 36525, 9999)],
})
scenarios["time on this computer"] = [privacy.time_to_try(count, speed)
                                      for count in scenarios["NIKs to try"]]
scenarios["NIKs to try"] = scenarios["NIKs to try"].map("{:,}".format)  # 1,000 not 1000
scenarios

# %% [markdown]
# Even knowing only someone's city, one ordinary computer gets there in hours or days, not
# years. Hashing something with so few possible values is **not** anonymisation.

# %%
callout("case", "Real case: New York City's taxi trips (2014)",
        "After a freedom-of-information request, New York City's Taxi and Limousine Commission "
        "released over 173 million taxi trips. The medallion (taxi) numbers and drivers' licence "
        "numbers had been replaced by MD5 hashes. Vijay Pandurangan noticed that one "
        "\"anonymised\" code was the hash of the text \"0\", realised that the numbers have a "
        "known, short format, and reversed the hashes by hashing every possible number.\n\n"
        "Sources: V. Pandurangan, \"On Taxis and Rainbows: Lessons from NYC's improperly "
        "anonymized taxi logs\" (medium.com/@vijayp, June 2014); LSE Impact Blog, 16 July 2014.")

# %% [markdown]
# ### A keyed hash (HMAC) with a secret key
#
# The fix is to mix a **secret key** into the hash: HMAC-SHA256, from Python's standard `hmac`
# module. Without the key, an attacker cannot compute the pseudonym of any candidate NIK, so the
# enumeration above finds nothing. The same NIK and key always give the same pseudonym, so
# records can still be linked.
#
# The cell below does it step by step:
#
# - the `b` before the key's quotes makes the key *bytes*, and `.encode()` turns the NIK's text
#   into bytes: `hmac` works on bytes, not text;
# - `hmac.new(...)` makes the keyed hash from three things, in this order: the secret key, the
#   NIK as bytes, and the hash to use (`hashlib.sha256`, without brackets);
# - `.hexdigest()` writes the result as 64 characters (digits and the letters a-f).

# %%
import hashlib
import hmac

demo_key = b"course-demo-key-NEVER-use-a-key-written-in-a-notebook"
nik_bytes = "3471065007849001".encode()
keyed_hash = hmac.new(demo_key, nik_bytes, hashlib.sha256)
keyed_hash.hexdigest()

# %% [markdown]
# The tool `privacy.keyed_hash` does the same and refuses keys that are too short. Now run the
# attack on the keyed pseudonyms, and make it as easy as it can be: the attacker's list of
# candidates is the 8 real NIKs themselves. Without the key, their hashes still match nothing:

# %%
keyed = [privacy.keyed_hash(nik, demo_key) for nik in secret_niks]
print("recovered:", len(privacy.reverse_plain_hashes(keyed, secret_niks)))

# %% [markdown]
# **Doing it right in an office:**
#
# - make the key with `privacy.new_secret_key()` (random), never a word or a date;
# - keep the key **apart from the data**: a different person or unit (for example the data
#   protection officer) holds it, in a password manager or key vault, never in the same folder,
#   e-mail or notebook;
# - use a different key for each project, so two releases cannot be joined unless that is
#   intended;
# - remember: pseudonymised data is still **personal data**. The quasi-identifiers are still
#   there, and section 3's attack still works on them.

# %% [markdown]
# ## 5. k-anonymity and l-diversity (10 min)
#
# Group the release's rows by their quasi-identifiers. Each group of look-alikes is an
# **equivalence class**. A table is **k-anonymous** when every class has at least **k** rows: no
# one can be narrowed down to fewer than k people. A row alone in its class is a **sample
# unique**.

# %%
print("k =", privacy.k_anonymity(release, quasi))
print("sample uniques:", privacy.uniques(release, quasi), "of", len(release), "rows")

# %% [markdown]
# Almost every patient is unique. (Notice that the hospital already published the admission
# date as a month, `admission_month`: that is a date generalised to a month.) Do the same to
# the birth date — keep only the **month** of birth, or the **year**, or a **10-year band** of
# birth years (1950-1959, ...) — and look again:

# %%
release_by_month = release.assign(birth_date=privacy.to_month(release["birth_date"]))
release_by_year = release.assign(birth_date=release["birth_date"].dt.year)
release_by_decade = release.assign(birth_date=privacy.year_band(10)(release["birth_date"]))
for name, table in [("birth month", release_by_month), ("birth year", release_by_year),
                    ("10-year band", release_by_decade)]:
    print(f"{name}: k = {privacy.k_anonymity(table, quasi)},",
          f"sample uniques = {privacy.uniques(table, quasi)}")

# %% [markdown]
# The chart shows, for each version, how many patients share their quasi-identifiers with nobody
# else, with one to three others, and so on.

# %%
explore.plot_class_sizes({"full birth date": privacy.class_sizes(release, quasi),
                          "birth year": privacy.class_sizes(release_by_year, quasi),
                          "10-year band": privacy.class_sizes(release_by_decade, quasi)},
                         "Patients by how many look-alikes they have")

# %% [markdown]
# Better, but a few patients are still unique even with 10-year bands. Remove (suppress) the
# patients still in groups smaller than 5, and every group has at least 5:

# %%
safe_release = privacy.suppress(release_by_decade, quasi, 5)
print("k =", privacy.k_anonymity(safe_release, quasi), "|", len(release) - len(safe_release),
      "patients suppressed")

# %% [markdown]
# **k is not enough.** A group can be large and still give away the diagnosis, when everyone in
# it has the same one, or nearly so. **l-diversity** counts the different sensitive values in
# each group; **l** is the smallest count. With l = 1 everyone in some group shares one
# diagnosis: anyone who knows a person is in that group learns it (attribute disclosure). The
# table lists the groups with the fewest different diagnoses first.

# %%
print("l =", privacy.l_diversity(safe_release, quasi, "diagnosis"))
privacy.class_table(safe_release, quasi, "diagnosis") \
    .sort_values(["different diagnosis", "people"]).head(5)

# %% [markdown]
# Here l = 2: in the groups at the top, five or six patients share only two diagnoses. A
# neighbour who knows that a woman of that age group from that kecamatan stayed in this hospital
# can guess her diagnosis with a one-in-two chance. Before publishing, an office would check such
# groups — and in particular which diagnoses they are.

# %% [markdown]
# ## 6. Generalise and suppress, and measure what it costs (12 min)
#
# "In many institutions, typically required thresholds for k-anonymity are 3 and 5" (IHSN/World
# Bank practice guide, section "k-anonymity"). Two methods get there:
#
# - **generalisation**: replace a detailed value with a wider one (birth date → year; kecamatan
#   → regency → province; a number → a band);
# - **suppression**: remove the few rows that are still too rare.
#
# Let us work on a bigger register: a (made-up) social-assistance register of 3,956 households
# in 16 regencies and cities. An enumerator, a neighbour or a village official knows a
# household's regency, whether it is urban, the head's sex and age band, and the household's
# size: those are the quasi-identifiers. Whether the household is poor is sensitive.

# %%
households = load("households")
hh_quasi = ["regency", "urban", "head_sex", "head_age_band", "household_size"]
print("k =", privacy.k_anonymity(households, hh_quasi),
      "| sample uniques:", privacy.uniques(households, hh_quasi),
      "| rows in classes smaller than 5:", int(privacy.rows_below(households, hh_quasi, 5).sum()))

# %% [markdown]
# ### Ladders
#
# Each quasi-identifier gets a **ladder** of levels, from the most detailed to the coarsest.
# Here is the ladder of `regency`, built by hand: a regency climbs to its province.

# %%
province_of = dict(zip(households["regency"].astype(str), households["province"].astype(str)))
regency_ladder = privacy.ladder("regency", ("regency", privacy.as_is),
                                ("province", privacy.lookup(province_of, "province")))
regency_ladder.names

# %% [markdown]
# The course's tool `privacy.household_ladders` builds a ladder like this for each
# quasi-identifier of the register ("hidden" means the column is blanked out). We use five:

# %%
all_ladders = privacy.household_ladders(households)
ladders = [all_ladders[column] for column in hh_quasi]
{item.column: item.names for item in ladders}

# %% [markdown]
# One step: household size to bands.

# %%
banded = privacy.generalise(households, ladders, {"household_size": "bands"})
print("k =", privacy.k_anonymity(banded, hh_quasi),
      "| rows in classes smaller than 5:", int(privacy.rows_below(banded, hh_quasi, 5).sum()))

# %% [markdown]
# ### How much usefulness is lost?
#
# A release that is safe but useless helps nobody. Suppose a planner at the social affairs office
# (*Dinas Sosial*) wants **the share of poor households for each regency and household-size
# band**, to plan aid. If the release is at least that detailed, the planner computes the right
# shares (only suppressed rows are missing). If it is coarser — provinces instead of regencies,
# or no household size — the planner can only use the share of the wider group. The **analysis
# error** is how far the planner's share is from the true one, on average over all households,
# in percentage points.

# %%
analysis = ({"regency": "regency", "household_size": "bands"}, households["truly_poor"])
privacy.try_levels(households, ladders, {"household_size": "bands"}, k=5, analysis=analysis)

# %% [markdown]
# `try_levels` generalised, then **suppressed** the rows still in classes smaller than 5, and
# measured what is left.
#
# ### Every choice at once
#
# `privacy.compare_levels` tries every combination of levels (2 × 2 × 2 × 2 × 3 = 48).

# %%
trials = privacy.compare_levels(households, ladders, k=5, analysis=analysis)
trials.sort_values(["rows suppressed", "analysis error (points)"]).head(10)

# %% [markdown]
# Each dot below is one row of that table.

# %%
explore.plot_trials(trials, k=5)

# %% [markdown]
# Three lessons from the table:
#
# - keeping every detail forces you to suppress many households — and the analysis suffers too;
# - climbing the wrong ladder (regency → province) makes the data safe and nearly useless for
#   this planner;
# - the best choice depends on the **analysis**: hide or band what the planner does not need,
#   keep what they do. The top row costs *this* planner nothing, but a planner who needs the
#   head's age could not use it at all.
#
# ### Try it yourself
#
# Choose a level for each column and a target k (drop-downs and slider work with the arrow
# keys). Watch k, the rows you would have to suppress and the analysis error move together.

# %%
explore.generalisation_explorer(households, ladders, analysis=analysis, k=5)

# %% [markdown]
# ## 7. Differential privacy for published counts (12 min)
#
# Often an office does not publish rows at all, only **counts**: poor households per regency,
# patients per diagnosis per kecamatan. Counts can disclose too. A small count ("1 patient with
# HIV in Kecamatan X aged 30-34") points at a person; and publishing many overlapping tables lets
# an attacker subtract one from another. Statistics offices have long held back small cells for
# this reason: in 2007 BPS explained that a figure may not be published when too few companies
# provided it, for example only two
# ([Antara, "BPS jamin kerahasiaan data sensus dan survei"](https://antaranews.com/berita/70451/bps-jamin-kerahasiaan-data-sensus-dan-suvei)).
#
# **Differential privacy** gives a guarantee instead of a rule of thumb: add random noise to
# each published count, calibrated so that **any one person's presence or absence hardly changes
# what is published.**

# %% [markdown]
# ### The Laplace mechanism, in four lines of maths
#
# 1. The **sensitivity** of a count is 1: adding or removing one person changes it by at most 1.
# 2. Choose **epsilon** (ε), the privacy loss you accept. Smaller ε = more privacy.
# 3. Publish `true count + noise`, where the noise is drawn at random from a **Laplace
#    distribution** with scale b = sensitivity / ε. (A Laplace distribution is a rule for drawing
#    random numbers: 0 is the most likely draw, small draws above or below 0 are common, large
#    ones rare; b sets how wide the spread is.)
# 4. Then any published value is hardly more likely with you in the data than without you: at
#    most 1.65 times as likely for ε = 0.5, and 2.7 times for ε = 1. The smaller ε, the closer
#    to 1 (no difference at all). (Mathematicians write this limit e^ε, where e ≈ 2.718 is a
#    fixed number; you do not need it to use ε.) The average size of the noise is b.
#
# One noisy count, by hand with NumPy (the package for numbers loaded at the top as `np`): the
# number of poor households in the register's first regency. The *random generator* `rng` draws
# the noise; its *seed* (2024) makes it draw the same numbers every time this page runs. A real
# release uses a generator without a seed, so that nobody can re-create the noise and subtract
# it. The scale is worked out first, from the sensitivity and ε, as in step 3.

# %%
first_regency = households["regency"].iloc[0]
true_count = int((households["truly_poor"] & (households["regency"] == first_regency)).sum())
epsilon = 0.5
sensitivity = 1
scale = sensitivity / epsilon
rng = np.random.default_rng(2024)
noise = rng.laplace(loc=0.0, scale=scale)
noisy = true_count + noise
print(f"true count {true_count}, published {noisy:.1f} (rounded: {max(0, round(noisy))})")

# %% [markdown]
# The tool `privacy.noisy_count` does the same for one count or a whole column. Rounding and
# replacing negative values by 0 afterwards is allowed: it is done to the published number and
# uses no more information about anyone.

# %%
counts = households[households["truly_poor"]]["regency"].value_counts().sort_index()
published = privacy.noisy_count(counts, epsilon, np.random.default_rng(2024)).round().clip(lower=0)
pd.DataFrame({"true": counts, "published": published.astype(int)})

# %% [markdown]
# The noise has the same size for every count, so **small counts suffer most**: a regency with
# 3 poor households may be published as 0 or 6, while 90 published as 87 is still useful. That
# is exactly the protection: small counts are the ones that point at people.

# %% [markdown]
# ### Accuracy against privacy
#
# How far off is a published count for each ε? The formula says b = 1/ε on average; the
# simulation below publishes the same count 2,000 times for each ε and measures it. The last
# column is the chance that one published count lands within 5 people of the true one.

# %%
errors = privacy.error_by_epsilon([0.05, 0.1, 0.2, 0.5, 1, 2, 5], np.random.default_rng(7))
errors

# %% [markdown]
# The chart draws the first columns of this table. Both axes use a **log scale**: each step
# along an axis multiplies the value (0.1, 0.2, 0.5, 1, ...) instead of adding to it, so that
# both small and large errors fit on one picture.

# %%
explore.plot_error_by_epsilon(errors)

# %% [markdown]
# Move the slider to see one release of the poor households per regency at each ε.

# %%
explore.laplace_explorer(counts)

# %% [markdown]
# ### The privacy budget
#
# Each release about the same people **adds up**: publishing two tables with ε = 0.5 each is, in
# the worst case, like publishing one with ε = 1 (this is called *sequential composition*). So an
# office agrees a total **privacy budget** in advance and divides it between releases. With a
# budget of 1 for a year of monthly tables, each month gets 1/12 ≈ 0.083 — and more noise.

# %%
budget = privacy.PrivacyBudget(total=1.0)
for month in ["January", "February", "March"]:
    budget.spend(0.25, f"poor households by regency, {month}")
budget.ledger()

# %% [markdown]
# A fourth release at 0.25 would use the rest; a fifth is refused:

# %%
budget.spend(0.25, "poor households by regency, April")
try:
    budget.spend(0.25, "poor households by regency, May")
except Exception as refusal:
    print(refusal)

# %%
callout("case", "Real case: the 2020 US census",
        "In 2017 the US Census Bureau announced that it would protect the 2020 census with "
        "differential privacy, replacing the swapping of records it had used before, and it "
        "told data users how much error it would add. The change was debated: many users feared "
        "the noise would make small-area figures unusable, and the Bureau had to set the budget "
        "between privacy and accuracy in the open.\n\n"
        "Source: \"Differential Privacy and the 2020 US Census\", MIT Case Studies in Social "
        "and Ethical Responsibilities of Computing, January 2022 "
        "(mit-serc.pubpub.org/pub/differential-privacy-2020-us-census).")

# %% [markdown]
# ## 8. Law and practice (8 min)
#
# ### What Indonesian law asks
#
# **UU No. 27/2022 on Personal Data Protection** (enacted 17 October 2022; organisations had
# until 17 October 2024 to adjust). Its Article 16(2) sets the principles of processing; in
# short:
#
# - collect **limited and specific** data, lawfully and transparently (*data minimisation*:
#   if you do not need the birth date, do not collect or keep it);
# - process it **for its purpose** only;
# - respect the data subject's **rights**;
# - keep it **accurate**, complete and up to date;
# - **protect its security** against unauthorised access, disclosure, change, misuse, loss;
# - tell people the purpose, the processing, and any **failure of protection** (a breach);
# - **destroy or delete** it when the retention period ends;
# - be **accountable**: able to show that all this was done.
#
# *Sources: the principles as listed in [Inixindo's UU PDP booklet](https://www.inixindo.id/booklet-pdp/)
# and by [GRP Law, "Understanding the Principles of Personal Data Processing"](http://grplaw.id/2025/07/18/understanding-the-principles-of-personal-data-processing)
# (2025).*
#
# **UU No. 16/1997 on Statistics**, Article 21: *"Penyelenggara kegiatan statistik wajib menjamin
# kerahasiaan keterangan yang diperoleh dari responden"* — whoever runs a statistical activity
# must guarantee the confidentiality of what respondents provide; Article 24 extends the duty to
# every statistics officer. (Text as reprinted by BPS in *Sumbawa Dalam Angka 2012*.)

# %% [markdown]
# ### What real breaches look like
#
# Publishing is one risk; losing the data is another. The US health department publishes every
# breach of health data affecting 500 or more people. Here are 1,145 of them (2009-2015). A
# report can name several types, so each type is counted separately.

# %%
breaches = load("breach_reports")
types = explore.count_listed(breaches["breach_type"])
explore.plot_counts(types, "Health-data breaches by type (US, 2009-2015)", "breach reports",
                    total=len(breaches))

# %% [markdown]
# Most breaches are not clever hacking: they are **stolen or lost laptops, paper files and
# portable devices**, and staff looking at or sending data they should not. Where was the data?

# %%
places = explore.count_listed(breaches["location"])
explore.plot_counts(places, "Where the breached information was", "breach reports",
                    total=len(breaches))

# %% [markdown]
# Read a few of the department's own descriptions (person names were replaced by [NAME]):

# %%
for text in breaches["description"].dropna().head(3):
    print("-", text[:400], "…\n")

# %%
callout("case", "Indonesia: the BPJS Kesehatan data case (2021)",
        "In May 2021 a seller on an online forum offered data said to cover 279 million "
        "Indonesians, with a free sample. The Ministry of Communication and Informatics "
        "(Kominfo) found that the sample held 100,002 records, not the one million claimed, and "
        "that their structure (card number, office code, family and dependants, payment status) "
        "was strongly suspected to be identical to BPJS Kesehatan data. Kominfo had the download "
        "links taken down and summoned BPJS Kesehatan's board.\n\n"
        "Sources: Antara, \"Ministry to issue decision on BPJS data leak soon\" "
        "(en.antaranews.com/news/195925); VOI, \"Cominfo Investigation Case 279 Million Data "
        "Leaked, 100 Thousand Data Identical To BPJS Health\" (voi.id/en/news/53271).")

# %% [markdown]
# Once NIK numbers are leaked, they are no secret: a plain hash of a NIK can then be matched
# against the leaked list in seconds. This is one more reason for keyed pseudonyms.

# %% [markdown]
# ### Before you publish: a checklist
#
# 1. **Purpose and minimisation**: does the release need every column? Drop what it does not.
# 2. **Direct identifiers**: removed, or replaced by keyed pseudonyms (key held elsewhere)?
# 3. **Quasi-identifiers**: which columns could an outsider know (public lists, social media,
#    neighbours)? List them.
# 4. **Measure**: k, uniques, l-diversity on those columns. Target k = 3 or 5 at least.
# 5. **Treat**: generalise, then suppress; measure what the main analyses lose.
# 6. **Tables of counts**: suppress small cells, or add noise with a stated ε and budget.
# 7. **Security and access**: who can open the file, where it is stored, encrypted laptops.
# 8. **Record** what was done (a data card), so the release can be explained and audited.
#
# The [sandbox](sandbox.ipynb) runs steps 3 to 5 on a file of your own.

# %% [markdown]
# ## Recap
#
# - Removing names and NIK numbers is not anonymisation: **quasi-identifiers** such as birth
#   date, sex and kecamatan single people out, and a **linkage attack** with a public list
#   re-identifies them.
# - A **plain hash** of a NIK can be reversed by trying every NIK the public structure allows; a
#   **keyed hash (HMAC)** with a secret key kept apart from the data cannot.
# - **k-anonymity** measures the smallest group of look-alikes; **l-diversity** checks that a
#   group does not share one sensitive value.
# - **Generalising** and **suppressing** raise k, and cost usefulness: measure both.
# - **Differential privacy** adds calibrated noise (scale 1/ε for counts); every release spends
#   part of a **privacy budget**.
# - UU PDP asks for minimisation, purpose limitation, security and accountability; UU 16/1997
#   binds statistics producers to confidentiality. Most real breaches are lost or stolen devices
#   and papers.
#
# ## Glossary
#
# | term | meaning |
# |---|---|
# | direct identifier | a column that points to one person on its own (name, NIK, phone) |
# | quasi-identifier | a column that identifies people in combination with others, and that outsiders can know (birth date, sex, kecamatan) |
# | sensitive attribute | what must not be learned about a person (diagnosis, income) |
# | identity disclosure | an attacker finds which row is a given person |
# | attribute disclosure | an attacker learns something about a person, even without finding their row |
# | linkage attack | joining a release to another table (with names) on shared quasi-identifiers |
# | hash | a function that turns any text into a fixed-length code; the same text always gives the same code |
# | pseudonym | a code that replaces an identifier so records can be linked without showing it |
# | HMAC / keyed hash | a hash mixed with a secret key; without the key nobody can compute or reverse it |
# | equivalence class | the rows that share the same values of all quasi-identifiers |
# | k-anonymity | every equivalence class has at least k rows |
# | sample unique | a row alone in its equivalence class (k = 1) |
# | l-diversity | every equivalence class has at least l different sensitive values |
# | generalisation | replacing a value by a wider one (date → year, kecamatan → regency) |
# | suppression | removing rows (or values) that are still too rare |
# | differential privacy | publishing results with calibrated noise so that no one person's data changes them much |
# | epsilon (ε) | the privacy loss a differentially private release allows; smaller = more private, noisier |
# | Laplace mechanism | publishing a count plus random Laplace noise of scale sensitivity / ε |
# | seed | a number that makes a random generator draw the same numbers each time (for lessons and tests, never for a real release) |
# | NumPy (`np`) | a package of ready-made Python code for calculating with numbers, including drawing random numbers |
# | sensitivity | how much one person can change a result (1 for a count) |
# | privacy budget | the total ε allowed for all releases about the same people |
# | data minimisation | collecting and keeping only the data a purpose needs |
#
# **Next:** the graded [exercise](exercise.ipynb), then the [sandbox](sandbox.ipynb) with your
# own data.
