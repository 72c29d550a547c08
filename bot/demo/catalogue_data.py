"""What the demo council offers: the templates the demo and benchmark catalogues are built from.

Everything here is fictional: the "DB" postcode area does not exist, the local authority codes
are outside the ONS range, and every organisation is invented. It is labelled demo data wherever
residents see it.
"""

from __future__ import annotations

COUNCIL_CODE = "E99999999"
NEIGHBOUR_CODE = "E99999998"

# town, outward code, centre latitude, centre longitude
TOWNS = [
    ("Demoton", "DB1", 53.800, -1.550),
    ("Northgate", "DB2", 53.845, -1.560),
    ("Riverside", "DB3", 53.785, -1.505),
    ("Eastfield", "DB4", 53.805, -1.470),
    ("Westbrook", "DB5", 53.795, -1.640),
]
NEIGHBOUR_TOWN = ("Otherby", "DB9", 53.950, -1.300)  # in the next council's area
# The north edge of Northgate (DB2) towards Otherby: the "DB2 8" sector is the next council's.
SPLIT_SECTOR = (53.870, -1.520)

# name, kind, town index, phone
VENUES = [
    ("Demoton Central Library", "library", 0, "0113 496 0101"),
    ("Northgate Library", "library", 1, "0113 496 0102"),
    ("Riverside Library", "library", 2, "0113 496 0103"),
    ("Eastfield Library", "library", 3, "0113 496 0104"),
    ("Westbrook Library", "library", 4, "0113 496 0105"),
    ("Demoton Family Hub", "family_hub", 0, "0113 496 0201"),
    ("Northgate Family Hub", "family_hub", 1, "0113 496 0202"),
    ("Eastfield Family Hub", "family_hub", 3, "0113 496 0203"),
    ("Demo Borough College", "college", 0, "0113 496 0301"),
    ("Demoton Jobcentre", "jobcentre", 0, "0113 496 0401"),
    ("Riverside Adult Learning Centre", "adult_learning", 2, "0113 496 0501"),
    ("Westbrook Community Centre", "community_centre", 4, "0113 496 0601"),
]

PROVIDERS = [
    "Demo Borough College",
    "Demo Borough Adult Learning",
    "Northern Skills Partnership (demo)",
    "Riverside Training Ltd (demo)",
    "Learn Online England (demo)",
]

# title, subject, level, course type, description, delivery modes, cost in pounds
COURSES = [
    ("Functional Skills Maths", "Mathematics", "1", "essential_skills",
     "Build confidence with everyday maths: money, measures, fractions and percentages. "
     "Leads to a Functional Skills qualification in mathematics.", ("in_person", "online"), 295),
    ("Functional Skills Maths", "Mathematics", "2", "essential_skills",
     "Level 2 Functional Skills mathematics, equivalent to GCSE grade 4, for work and study.",
     ("in_person", "blended"), 345),
    ("Maths for Everyday Life", "Mathematics", "E3", "essential_skills",
     "Short, friendly numeracy sessions on budgeting, bills and helping children with homework.",
     ("in_person",), 0),
    ("GCSE Maths (evening)", "Mathematics", "2", "essential_skills",
     "A one-year GCSE mathematics course for adults, two evenings a week.", ("in_person",), 450),
    ("Functional Skills English", "English", "1", "essential_skills",
     "Reading, writing, speaking and listening for everyday life and work.", ("in_person",), 295),
    ("Functional Skills English", "English", "2", "essential_skills",
     "Level 2 English, equivalent to GCSE grade 4: writing letters, reports and emails.",
     ("in_person", "online"), 345),
    ("ESOL Entry 1", "English for speakers of other languages", "E1", "esol",
     "English for speakers of other languages: first steps in speaking, listening, reading and "
     "writing English.", ("in_person",), 180),
    ("ESOL Entry 3", "English for speakers of other languages", "E3", "esol",
     "ESOL for everyday life and work: appointments, forms and conversations.",
     ("in_person",), 180),
    ("Essential Digital Skills", "Digital", "E3", "essential_skills",
     "Use a computer, smartphone and the internet safely: email, online forms and video calls.",
     ("in_person",), 0),
    ("Digital Skills for Work", "Digital", "1", "essential_skills",
     "Computing for the workplace: documents, spreadsheets, email and staying safe online.",
     ("in_person", "online"), 0),
    ("Introduction to Coding (Python)", "Digital", "2", "skills_bootcamp",
     "A 12-week Skills Bootcamp in software development with a guaranteed job interview.",
     ("online", "blended"), 0),
    ("Level 3 Diploma in IT User Skills", "Digital", "3", "free_courses_for_jobs",
     "Advanced information technology skills for office and digital roles.",
     ("in_person", "online"), 1200),
    ("Care Certificate: Introduction to Care Work", "Health and social care", "2",
     "community_learning",
     "Start a career in social care: the 15 standards of the Care Certificate, with a work "
     "placement in a local care home.", ("in_person",), 0),
    ("Level 2 Certificate in Adult Social Care", "Health and social care", "2",
     "free_courses_for_jobs", "For carers and care assistants moving into paid care work.",
     ("in_person", "blended"), 650),
    ("Level 3 Diploma in Adult Care", "Health and social care", "3", "free_courses_for_jobs",
     "For care workers taking on senior carer or team leader roles.", ("blended",), 1400),
    ("Electrical Installation Level 2", "Construction", "2", "other",
     "Become an electrician: wiring, testing and safe isolation in the college workshops.",
     ("in_person",), 1800),
    ("Domestic Electrical Installer Skills Bootcamp", "Construction", "3", "skills_bootcamp",
     "Fast-track training for electrical work in homes, with employer interviews.",
     ("in_person",), 0),
    ("Plumbing Foundation", "Construction", "1", "other",
     "Basic plumbing skills: pipework, fittings and bathroom installations.", ("in_person",), 900),
    ("CSCS Card and Health and Safety in Construction", "Construction", "1", "community_learning",
     "Get the CSCS card you need to work on a building site.", ("in_person",), 0),
    ("Warehouse and Forklift Skills", "Logistics", "1", "community_learning",
     "Counterbalance forklift training and warehouse safety for logistics jobs.",
     ("in_person",), 0),
    ("HGV Driver Skills Bootcamp", "Logistics", "2", "skills_bootcamp",
     "Train for a category C or C+E licence and a job as an HGV driver.", ("in_person",), 0),
    ("Food Hygiene and Kitchen Skills", "Hospitality", "2", "community_learning",
     "Level 2 food safety and cooking skills for catering and kitchen jobs.", ("in_person",), 40),
    ("Customer Service in Retail", "Retail", "1", "community_learning",
     "Skills for shop and customer assistant jobs: tills, stock and helping customers.",
     ("in_person", "online"), 0),
    ("Level 3 Award in Education and Training", "Teaching", "3", "free_courses_for_jobs",
     "The first step to teaching adults, and for teaching assistants.", ("blended",), 450),
    ("Bookkeeping with Sage", "Accounting", "2", "other",
     "Manual and computerised bookkeeping for small businesses.", ("online",), 320),
    ("AAT Certificate in Accounting", "Accounting", "3", "free_courses_for_jobs",
     "Accountancy skills for finance roles.", ("online", "blended"), 1100),
    ("Early Years Practitioner", "Childcare", "2", "other",
     "Work in a nursery or as a childminder: child development and safeguarding.",
     ("in_person",), 700),
    ("Hairdressing Level 1", "Hair and beauty", "1", "other",
     "Hairdressing and barbering basics in the college salon.", ("in_person",), 400),
    ("CV Writing and Interview Skills", "Employability", "E3", "community_learning",
     "Write a CV that gets noticed and practise interviews with an adviser.", ("in_person",), 0),
    ("Confidence and Wellbeing for Work", "Employability", "E3", "community_learning",
     "Manage anxiety and build confidence on the way back to work.", ("in_person",), 0),
    ("Door Supervisor (SIA licence)", "Security", "2", "other",
     "Training for the SIA door supervisor licence.", ("in_person",), 250),
    ("Cleaning and Housekeeping Skills", "Facilities", "1", "community_learning",
     "Professional cleaning skills for jobs in offices, hotels and hospitals.", ("in_person",), 0),
]  # fmt: skip

# More courses in the shape of COURSES: the everyday trades and subjects residents ask for by
# name ("chippy", "brickie", "cyber security"). Each runs three times at one venue (or online),
# so the chat can show one course with its other dates. Made with a random source of their own,
# so every record above stays exactly as it was.
MORE_COURSES = [
    ("Carpentry and Joinery Level 1", "Construction", "1", "other",
     "Become a joiner or carpenter: hand tools, timber joints, doors and stairs in the college "
     "workshop.", ("in_person",), 850),
    ("Bricklaying Level 1", "Construction", "1", "other",
     "Lay bricks and blocks, mix mortar and build walls: the first step to work as a "
     "bricklayer.", ("in_person",), 850),
    ("Plastering Skills", "Construction", "1", "community_learning",
     "Plastering and dry lining for homes: skimming, rendering and patching walls.",
     ("in_person",), 0),
    ("Cyber Security Skills Bootcamp", "Digital", "3", "skills_bootcamp",
     "Protect networks and data from attacks: a 14-week bootcamp in cyber security with a job "
     "interview at the end.", ("online",), 0),
    ("Barista Skills", "Hospitality", "1", "community_learning",
     "Make great coffee and serve customers in a coffee shop or cafe.", ("in_person",), 0),
    ("Data Entry and Keyboard Skills", "Digital", "E3", "community_learning",
     "Type quickly and accurately for office and data entry jobs.", ("in_person",), 0),
]  # fmt: skip

# title, sector, hours, wage per hour (pounds), contract, description
JOBS = [
    ("Care Assistant", "care", 37.5, 12.60, "permanent",
     "Support older people in their own homes with personal care, meals and companionship. "
     "Full training and the Care Certificate provided."),
    ("Night Care Worker", "care", 30, 13.10, "permanent",
     "Waking night shifts in a residential care home. You must be 18 or over for night work."),
    ("Warehouse Operative", "logistics", 40, 12.40, "temporary",
     "Picking and packing orders in a busy distribution centre. Forklift licence an advantage."),
    ("Delivery Driver", "logistics", 40, 12.80, "permanent",
     "Multi-drop van deliveries across the borough. Full UK driving licence needed, and you "
     "must be 18 or over for our van insurance."),
    ("Retail Customer Assistant", "retail", 16, 12.21, "permanent",
     "Serve customers, work the tills and keep shelves stocked in a supermarket."),
    ("Kitchen Assistant", "hospitality", 20, 12.21, "zero_hours",
     "Food preparation and washing up in a busy cafe kitchen."),
    ("Cleaner", "facilities", 15, 12.30, "permanent",
     "Early morning office cleaning, Monday to Friday."),
    ("Administrative Assistant", "admin", 37, 12.90, "fixed_term",
     "Office administration, filing, answering phones and data entry."),
    ("Receptionist", "admin", 25, 12.50, "permanent", "Welcome visitors to a busy health centre."),
    ("Electrician's Mate", "construction", 40, 13.50, "temporary",
     "Assist a qualified electrician on domestic and commercial sites. CSCS card needed."),
    ("Labourer", "construction", 40, 13.00, "temporary", "General labouring on a housing site."),
    ("Teaching Assistant", "education", 32.5, 12.40, "fixed_term",
     "Support children's learning in a primary school classroom."),
    ("Security Officer", "security", 42, 12.60, "permanent",
     "Patrols and reception in a shopping centre. SIA licence required (you must be 18 or "
     "over to hold one)."),
    ("IT Support Technician", "digital", 37.5, 14.50, "permanent",
     "First-line computer and network support for a council office."),
    ("Nursery Practitioner", "childcare", 35, 12.40, "permanent",
     "Care for children aged 0 to 5 in a friendly nursery. Level 3 early years preferred."),
]  # fmt: skip

# More jobs in the shape of JOBS, for trades residents know by everyday names ("lollipop lady",
# "bin man", "dinner lady"); two adverts each, made with a random source of their own. (Every
# fifteenth JOBS advert has closed, and JOBS has fifteen, so its Care Assistant is never open.)
MORE_JOBS = [
    ("Care Assistant", "care", 30, 12.80, "permanent",
     "Help the residents of a care home with personal care, meals and activities."),
    ("Joiner", "construction", 40, 14.50, "permanent",
     "Site and bench joinery: first and second fix, doors, skirting boards and kitchens."),
    ("Bricklayer", "construction", 40, 15.00, "temporary",
     "Bricklaying on a new housing development. CSCS card needed."),
    ("Plasterer", "construction", 40, 14.80, "temporary",
     "Plastering and skimming walls and ceilings in new homes."),
    ("Lunchtime Supervisor", "education", 7.5, 12.21, "permanent",
     "Look after children at lunchtime in a primary school, in the dining hall and the "
     "playground. Term time only."),
    ("School Cook", "education", 25, 12.50, "permanent",
     "Cook healthy meals in a primary school kitchen. Term time only."),
    ("School Crossing Patrol", "education", 7.5, 12.21, "permanent",
     "Help children and parents cross the road safely on the way to and from school."),
    ("Refuse Collector", "facilities", 37, 12.60, "permanent",
     "Collect household waste and recycling on the council's bin rounds. Early starts."),
    ("Barista", "hospitality", 24, 12.21, "permanent",
     "Make coffee and serve customers in a busy town centre coffee shop."),
    ("HGV Class 2 Driver", "logistics", 45, 15.50, "permanent",
     "Deliver to shops across the region in a rigid lorry. Category C licence needed, so "
     "you must be 18 or over."),
    ("Forklift Driver", "logistics", 40, 13.20, "permanent",
     "Load and unload lorries with a counterbalance forklift. Forklift licence needed."),
    ("Data Entry Clerk", "admin", 30, 12.40, "temporary",
     "Data entry of customer orders and invoices. Accurate typing needed."),
]  # fmt: skip

# title, level name, wage description, description
APPRENTICESHIPS = [
    ("Adult Care Worker Apprentice", "Intermediate",
     "Support adults with care needs while studying for a level 2 apprenticeship."),
    ("Electrical Installation Apprentice", "Advanced",
     "Train as an electrician on real sites, with day release to Demo Borough College."),
    ("Business Administrator Apprentice", "Advanced",
     "Office administration apprenticeship in a council department."),
    ("Plumbing and Heating Apprentice", "Advanced",
     "Learn plumbing and heating with a local firm."),
    ("Warehouse Operative Apprentice", "Intermediate",
     "Logistics apprenticeship in a regional distribution centre."),
    ("Digital Support Technician Apprentice", "Advanced",
     "IT support and digital skills apprenticeship."),
    ("Commis Chef Apprentice", "Intermediate", "Train as a chef in a hotel kitchen."),
    ("Early Years Educator Apprentice", "Advanced",
     "Level 3 childcare apprenticeship in a nursery."),
    ("Accounts Assistant Apprentice", "Higher", "Level 4 accountancy apprenticeship."),
    ("Software Developer Apprentice", "Degree",
     "Degree apprenticeship in software engineering with a local digital firm."),
]  # fmt: skip

EMPLOYERS = [
    "Demo Borough Council", "Demoton Care Homes (demo)", "Riverside Logistics (demo)",
    "Northgate Supermarkets (demo)", "Eastfield Construction (demo)", "Westbrook Hotels (demo)",
    "Demo NHS Trust", "Brightstart Nurseries (demo)", "Demoton Digital (demo)",
    "Sparks Electrical (demo)",
]  # fmt: skip
# Who would advertise each kind of job: a care home a care worker, an electrician an
# electrician's mate (a warehouse job at a care home, or a night care worker at an electrician's,
# made the demo look made up, and matched searches for "care" with warehouse work).
SECTOR_EMPLOYERS = {
    "admin": ["Demo Borough Council", "Demo NHS Trust", "Riverside Logistics (demo)",
              "Eastfield Construction (demo)"],
    "hospitality": ["Westbrook Hotels (demo)", "Harbour Kitchen (demo)"],
    "care": ["Demoton Care Homes (demo)", "Demo NHS Trust"],
    "childcare": ["Brightstart Nurseries (demo)"],
    "construction": ["Eastfield Construction (demo)"],
    "digital": ["Demoton Digital (demo)", "Demo Borough Council"],
    "education": ["Demo Academy Trust", "Demo Borough Council"],
    "facilities": ["Demoton Cleaning Services (demo)", "Demo Borough Council"],
    "logistics": ["Riverside Logistics (demo)", "Northgate Supermarkets (demo)"],
    "retail": ["Northgate Supermarkets (demo)"],
    "security": ["Shield Security (demo)"],
}  # fmt: skip
# A job or apprenticeship whose employer is one kind of firm, whatever its sector.
TITLE_EMPLOYERS = {
    "Electrician's Mate": ["Sparks Electrical (demo)"],
    "Refuse Collector": ["Demo Borough Council"],
    "Adult Care Worker Apprentice": ["Demoton Care Homes (demo)", "Demo NHS Trust"],
    "Electrical Installation Apprentice": ["Sparks Electrical (demo)"],
    "Business Administrator Apprentice": ["Demo Borough Council", "Demo NHS Trust"],
    "Plumbing and Heating Apprentice": ["Eastfield Construction (demo)"],
    "Warehouse Operative Apprentice": ["Riverside Logistics (demo)",
                                       "Northgate Supermarkets (demo)"],
    "Digital Support Technician Apprentice": ["Demoton Digital (demo)"],
    "Commis Chef Apprentice": ["Westbrook Hotels (demo)", "Harbour Kitchen (demo)"],
    "Early Years Educator Apprentice": ["Brightstart Nurseries (demo)"],
    "Accounts Assistant Apprentice": ["Demo Borough Council", "Demo NHS Trust"],
    "Software Developer Apprentice": ["Demoton Digital (demo)"],
}  # fmt: skip


def employer_for(title: str, sector: str | None, drawn: str) -> str:
    """A plausible employer for the job: ``drawn`` (the generator's random pick, kept so every
    other random draw stays as it was) if it fits, else one that does, chosen from it."""
    fitting = TITLE_EMPLOYERS.get(title) or SECTOR_EMPLOYERS.get(sector or "") or EMPLOYERS
    return drawn if drawn in fitting else fitting[EMPLOYERS.index(drawn) % len(fitting)]


# The neighbouring council's firms are the same kinds of employer under Otherby's and the Vale's
# names (a job in Otherby at "Eastfield Construction" read like a Demo Borough job).
VALE_NAMES = {"Demo Borough Council": "Demo Vale Council", "Demoton": "Otherby",
              "Riverside": "Valeside", "Northgate": "Vale", "Eastfield": "Otherby",
              "Westbrook": "Vale"}  # fmt: skip


def vale_employer(name: str) -> str:
    for theirs, ours in VALE_NAMES.items():
        name = name.replace(theirs, ours)
    return name


# name, taxonomy term, description, min age, max age, where ("venue", "online" or "area")
SERVICES = [
    ("Work Local employment support", "Employment support",
     "One-to-one help from a Work Local adviser to find work, write a CV and prepare for "
     "interviews.", 16, None, "venue"),
    ("Youth Pathways", "Employment support",
     "Support for 16 to 24 year olds who are not in education, employment or training.", 16, 24,
     "venue"),
    ("Digital Drop-in", "Digital inclusion",
     "Free help with computers, phones, email and online forms at your library.", None, None,
     "venue"),
    ("Free laptop and data loan", "Digital inclusion",
     "Borrow a laptop and free mobile data while you look for work or study.", 16, None, "venue"),
    ("Money and Debt Advice", "Money advice",
     "Free, confidential advice on debt, budgeting and benefits.", 18, None, "venue"),
    ("Benefits Check", "Money advice",
     "Find out which benefits you can claim and how starting work will affect them.", 16, None,
     "online"),
    ("Childcare Support", "Childcare",
     "Help finding and paying for childcare so you can work or train.", None, None, "area"),
    ("Mental Health and Wellbeing Support", "Wellbeing",
     "Talking therapies and wellbeing groups for people with anxiety or low mood.", 16, None,
     "venue"),
    ("Housing Options", "Housing",
     "Advice if you are homeless or at risk of losing your home. In an emergency call the "
     "out-of-hours line.", 16, None, "venue"),
    ("Volunteering Hub", "Volunteering",
     "Find volunteering roles that build experience and confidence.", 16, None, "online"),
    ("Family Learning", "Family learning",
     "Courses for parents and children to learn together.", None, None, "venue"),
    ("Disability Employment Support", "Employment support",
     "Specialist support into work for disabled people and people with health conditions.", 16,
     None, "venue"),
    ("Fresh Start: work after a conviction", "Employment support",
     "Help into work for people with a criminal record or convictions: telling employers, DBS "
     "checks, and employers who give people a fair chance.", 18, None, "venue"),
]  # fmt: skip
