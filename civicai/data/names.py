"""Lists of person names and honorifics, used to plant fake names and to find real ones.

The synthetic generators draw fake people's names from these lists; the
disclosure check (`civicai.data.disclosure`) uses the same lists, plus the
honorifics, to find person names in files that must not hold any. No
downloaded language model is involved: a reviewer can read every rule.

The lists are common given names and family names, not any real person's
full name; a generated combination that matches a real person is a
coincidence.
"""
from __future__ import annotations

INDONESIAN_MALE = (
    "Adi", "Aditya", "Agus", "Ahmad", "Andi", "Anton", "Arif", "Bambang", "Bayu", "Budi",
    "Dani", "Dedi", "Dimas", "Eko", "Fajar", "Farhan", "Fikri", "Gilang", "Hadi", "Hendra",
    "Heru", "Ilham", "Imam", "Irfan", "Iwan", "Joko", "Made", "Nyoman", "Ketut", "Putu",
    "Rahmat", "Reza", "Rizki", "Rudi", "Sigit", "Slamet", "Taufik", "Teguh", "Tono", "Wahyu",
    "Yoga", "Yusuf", "Zainal", "Fauzan", "Hafiz", "Ridwan", "Bagus", "Galih", "Yudi", "Asep",
)
INDONESIAN_FEMALE = (
    "Aisyah", "Anisa", "Ayu", "Citra", "Desi", "Dewi", "Dian", "Eka", "Endang", "Evi",
    "Fitri", "Indah", "Intan", "Kartika", "Lina", "Maya", "Mega", "Nabila", "Novi", "Nur",
    "Nurul", "Ratna", "Retno", "Rina", "Rini", "Siti", "Sri", "Tuti", "Wati", "Wulan",
    "Yanti", "Yuni", "Rahma", "Melati", "Suci", "Lestari", "Anggun", "Tri", "Winda", "Dina",
    "Ningsih", "Puspa", "Ratih", "Sinta", "Umi", "Vina", "Yulia", "Zahra", "Nia", "Putri",
)
#: Second names and family (marga) names common in Indonesia: for anyone, for men, for women.
INDONESIAN_FAMILY = (
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sihombing", "Situmorang", "Pardede",
    "Tampubolon", "Manurung", "Sinaga", "Panjaitan", "Ginting", "Tarigan", "Sembiring", "Purba",
    "Saragih", "Hasibuan", "Tanjung", "Pangaribuan", "Matondang", "Halim", "Kusuma", "Wijaya",
)
INDONESIAN_SECOND_MALE = (
    "Santoso", "Saputra", "Pratama", "Hidayat", "Setiawan", "Permana", "Nugroho", "Gunawan", "Hakim",
    "Wibowo", "Utomo", "Prasetyo", "Firmansyah", "Ramadhan", "Maulana", "Syahputra", "Kurniawan",
    "Hermawan", "Rahman", "Fauzi", "Susilo",
)
INDONESIAN_SECOND_FEMALE = (
    "Rahayu", "Susanti", "Wahyuni", "Handayani", "Anggraini", "Puspita", "Safitri", "Oktaviani",
    "Maharani", "Wulandari", "Kurniasih", "Marlina", "Sulistyowati", "Yuliana", "Permatasari",
)
INDONESIAN_SECOND = INDONESIAN_FAMILY + INDONESIAN_SECOND_MALE + INDONESIAN_SECOND_FEMALE
ENGLISH_GIVEN = (
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven",
    "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
    "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
    "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory",
    "Alexander", "Frank", "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
    "Jose", "Adam", "Henry", "Nathan", "Douglas", "Zachary", "Peter", "Kyle", "Walter",
    "Ethan", "Jeremy", "Harold", "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl",
    "Terry", "Sean", "Austin", "Arthur", "Lawrence", "Jesse", "Dylan", "Bryan", "Joe",
    "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan",
    "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Louis", "Philip",
    "Bobby", "Johnny", "Bradley", "Leon", "Pedro", "Carlos", "Luis", "Miguel",
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
    "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly",
    "Emily", "Donna", "Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah",
    "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Angela",
    "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha",
    "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine", "Maria",
    "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly",
    "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah",
    "Jacqueline", "Martha", "Gloria", "Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn",
    "Janice", "Jean", "Abigail", "Alice", "Judy", "Sophia", "Grace", "Denise", "Amber",
    "Doris", "Marilyn", "Danielle", "Beverly", "Isabella", "Theresa", "Diana", "Natalie",
    "Brittany", "Charlotte", "Marie", "Kayla", "Alexis", "Lori",
)
ENGLISH_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker",
    "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips",
    "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart",
    "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
    "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
    "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
    "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long",
    "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell",
    "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons",
    "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin",
    "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis",
    "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
    "Harrison", "Fernandez", "Mcdonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas",
    "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson",
    "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason",
    "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson",
    "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt",
    "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner",
    "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez",
    "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham",
    "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry",
    "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis",
    "Carpenter", "Lawrence", "Sandoval", "Wayne",
)

#: Words that, followed by a capitalised word, introduce a person: "Ibu Siti", "Dr. Smith".
HONORIFICS = (
    "Mr", "Mrs", "Ms", "Miss", "Mister", "Dr", "Prof", "Professor", "Sir", "Madam",
    "Bapak", "Ibu", "Pak", "Bu", "Sdr", "Sdri", "Saudara", "Saudari", "Mas", "Mbak",
)

#: Phrases that look like a person's name but name no one: dog breeds, "Ibu Kota" (capital
#: city), Minneapolis neighbourhoods (St. Anthony West and East).
NOT_PERSON_NAMES = ("Jack Russell", "Parson Russell", "Ibu Kota", "Anthony West", "Anthony East")

GIVEN_NAMES = frozenset(INDONESIAN_MALE + INDONESIAN_FEMALE + ENGLISH_GIVEN)
FAMILY_NAMES = frozenset(INDONESIAN_SECOND + ENGLISH_SURNAMES)
