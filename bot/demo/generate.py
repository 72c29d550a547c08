"""Builds the demo council's feeds, in the formats real feeds use, from ``catalogue_data``.

The demo loader imports these files through the same importers officers use, so the demo also
exercises every import path. Dates are relative to the day of loading, so the demo never goes
stale; a fixed seed makes every load (and every test) see the same catalogue.
"""

from __future__ import annotations

import csv
import json
import random
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bot import clock
from bot.demo import catalogue_data as data

SEED = 20261123
_NS = uuid.UUID("8a0c5a52-2d0c-4bbf-9d6b-0b1f3c2a7e10")
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
STREETS = ("Mill Lane", "Park Road", "Church Street")


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(_NS, "|".join(map(str, parts))))


def _postcode_rows(rng: random.Random) -> list[dict]:
    rows = []
    for town, outward, lat, lon, code in [
        *((*t, data.COUNCIL_CODE) for t in data.TOWNS),
        (*data.NEIGHBOUR_TOWN, data.NEIGHBOUR_CODE),
    ]:
        for n in range(30):
            inward = f"{1 + n // 10}{LETTERS[n % 10]}{LETTERS[(n * 7) % 20]}"
            rows.append(
                {
                    "pcds": f"{outward} {inward}",
                    "lat": round(lat + rng.uniform(-0.012, 0.012), 6),
                    "long": round(lon + rng.uniform(-0.02, 0.02), 6),
                    "laua": code,
                    "doterm": "",
                    "town": town,
                }
            )
    # Northgate's district reaches over the boundary: "DB2 8.." is Demo Vale's, as real districts
    # straddle councils, so only a whole postcode says whose a resident is. Drawn apart so the
    # rest of the demo stays as it was.
    edge = random.Random(SEED + 2)
    rows.extend(
        {
            "pcds": f"DB2 8{LETTERS[n]}{LETTERS[(n * 3) % 20]}",
            "lat": round(data.SPLIT_SECTOR[0] + edge.uniform(-0.006, 0.006), 6),
            "long": round(data.SPLIT_SECTOR[1] + edge.uniform(-0.01, 0.01), 6),
            "laua": data.NEIGHBOUR_CODE,
            "doterm": "",
            "town": "Northgate",
        }
        for n in range(10)
    )
    # A postcode that has been retired, for testing what residents are told.
    rows.append(
        {
            "pcds": "DB1 9ZZ",
            "lat": 53.801,
            "long": -1.549,
            "laua": data.COUNCIL_CODE,
            "doterm": "202301",
            "town": "Demoton",
        }
    )
    return rows


def _venues(postcodes: list[dict]) -> list[dict]:
    venues = []
    for n, (name, kind, town_index, phone) in enumerate(data.VENUES):
        town, outward, *_ = data.TOWNS[town_index]
        pc = [p for p in postcodes if p["pcds"].startswith(outward + " ")][n % 7]
        venues.append(
            {
                "id": _uuid("venue", name),
                "name": name,
                "kind": kind,
                "town": town,
                "postcode": pc["pcds"],
                "lat": pc["lat"],
                "lon": pc["long"],
                "phone": phone,
                "address": f"{10 + n} {['High Street', 'Market Place', 'Station Road'][n % 3]}",
            }
        )
    return venues


def _course(rng, today, n, template, venue, provider, start_offset, delivery) -> dict:
    title, subject, level, course_type, description, _modes, cost = template
    start = today + timedelta(days=start_offset)
    item = {
        "courseId": _uuid("course", title, level),
        "courseRunId": _uuid("run", n, title, level, venue["name"] if venue else "online"),
        "courseName": title if delivery != "online" else f"{title} (online)",
        "courseDescription": description,
        "providerName": provider,
        "qualificationLevel": level,
        "courseType": {
            "essential_skills": "EssentialSkills",
            "esol": "ESOL",
            "free_courses_for_jobs": "FreeCoursesForJobs",
            "multiply": "Multiply",
            "skills_bootcamp": "SkillsBootcamp",
            "community_learning": "CommunityLearning",
            "other": "Other",
        }[course_type],
        "sectorDescription": subject,
        "deliveryMode": {
            "in_person": "ClassroomBased",
            "online": "Online",
            "blended": "BlendedLearning",
        }[delivery],
        "studyMode": rng.choice(["PartTime", "PartTime", "FullTime", "Flexible"]),
        "attendancePattern": rng.choice(["Daytime", "Daytime", "Evening", "Weekend"]),
        "startDate": start.isoformat() + "T00:00:00",
        "flexibleStartDate": rng.random() < 0.15,
        "durationValue": rng.choice([6, 8, 10, 12, 30]),
        "durationUnit": "Weeks",
        "cost": cost,
        "costDescription": "Free" if cost == 0 else "You may not have to pay: ask the provider",
        "courseUrl": f"https://courses.demo-borough.example/{n}",
    }
    if delivery == "online":
        item["national"] = True
    else:
        item.update(
            venueName=venue["name"],
            venueAddress=venue["address"],
            venueTown=venue["town"],
            venuePostcode=venue["postcode"],
            venueLocation={"latitude": venue["lat"], "longitude": venue["lon"]},
            venueKind=venue["kind"],
        )
    return item


def _courses(rng: random.Random, today: date, venues: list[dict]) -> dict:
    learning = [
        v
        for v in venues
        if v["kind"] in {"library", "college", "adult_learning", "family_hub", "community_centre"}
    ]
    results, n = [], 0
    for template in data.COURSES:
        for run in range(7):
            modes = template[5]
            delivery = modes[run % len(modes)]
            venue = None if delivery == "online" else rng.choice(learning)
            provider = (
                data.PROVIDERS[4]
                if delivery == "online"
                else venue["name"]
                if venue["kind"] == "college"
                else rng.choice(data.PROVIDERS[1:4])
            )
            # A few runs have already started, so tests can see past courses drop out.
            offset = -rng.randint(5, 40) if run == 6 else rng.randint(3, 120)
            results.append(_course(rng, today, n, template, venue, provider, offset, delivery))
            if run == 6:
                results[-1]["flexibleStartDate"] = False
            n += 1
    return {"results": results + _more_courses(today, venues, n)}


def _more_courses(today: date, venues: list[dict], first: int) -> list[dict]:
    """``MORE_COURSES``: three runs of each at the college (or online), a few weeks apart, so
    the same course at several dates can be shown as one."""
    rng = random.Random(SEED + 1)  # their own source: the records before them never change
    college = next(v for v in venues if v["kind"] == "college")
    results = []
    for i, template in enumerate(data.MORE_COURSES):
        delivery = template[5][0]
        venue = None if delivery == "online" else college
        provider = data.PROVIDERS[4] if venue is None else venue["name"]
        for run, offset in enumerate((14, 45, 90)):
            n = first + 3 * i + run
            results.append(_course(rng, today, n, template, venue, provider, offset, delivery))
    return results


def _apprenticeships(rng: random.Random, today: date, venues: list[dict]) -> dict:
    vacancies = []
    for n in range(60):
        title, level, description = data.APPRENTICESHIPS[n % len(data.APPRENTICESHIPS)]
        employer = data.employer_for(title, None, rng.choice(data.EMPLOYERS))
        place = rng.choice(venues)
        closing = today + timedelta(days=rng.randint(5, 60) if n % 12 else -rng.randint(1, 20))
        vacancies.append(
            {
                "vacancyReference": f"VAC{1000000000 + n}",
                "title": title,
                "description": description + " (demo vacancy)",
                "numberOfPositions": rng.choice([1, 1, 2, 3]),
                "postedDate": (today - timedelta(days=rng.randint(1, 20))).isoformat(),
                "closingDate": closing.isoformat(),
                "startDate": (closing + timedelta(days=rng.randint(14, 60))).isoformat(),
                "wage": {
                    "wageType": "NationalMinimumWageForApprentices" if n % 3 else "Custom",
                    "wageAmount": None if n % 3 else 15600 + 500 * (n % 7),
                    "wageUnit": "Annually",
                    "wageAdditionalInformation": None,
                },
                "hoursPerWeek": rng.choice([30, 35, 37.5, 40]),
                "expectedDuration": "18 Months",
                "addresses": [
                    {
                        "addressLine1": f"Unit {n + 1}",
                        "addressLine2": "Enterprise Park",
                        "addressLine3": None,
                        "addressLine4": place["town"],
                        "postcode": place["postcode"],
                        "latitude": round(place["lat"] + rng.uniform(-0.01, 0.01), 6),
                        "longitude": round(place["lon"] + rng.uniform(-0.01, 0.01), 6),
                    }
                ],
                "employerName": employer,
                "employerWebsiteUrl": "https://employer.demo-borough.example",
                "apprenticeshipLevel": level,
                "providerName": "Demo Borough College",
                "isDisabilityConfident": n % 4 == 0,
                "vacancyUrl": f"https://apprenticeships.demo-borough.example/VAC{1000000000 + n}",
            }
        )
    return {
        "vacancies": vacancies,
        "total": len(vacancies),
        "totalFiltered": len(vacancies),
        "totalPages": 1,
    }


def _employment_types(contract: str, part_time: bool) -> list[str]:
    extra = {"temporary": "TEMPORARY", "zero_hours": "PER_DIEM", "fixed_term": "CONTRACTOR"}
    return ["PART_TIME" if part_time else "FULL_TIME"] + (
        [extra[contract]] if contract in extra else []
    )


def _neighbour_jobs(today: date, postcodes: list[dict]) -> list[dict]:
    """Jobs in the neighbouring council's area (Otherby, DB9), its own local records."""
    rng = random.Random(SEED + 9)
    theirs = [p for p in postcodes if p["laua"] == data.NEIGHBOUR_CODE]
    return [
        _job(rng, today, 900 + n, template, rng.choice(theirs), stays_open=True,
             site="jobs.demo-vale.example", local_name=data.vale_employer)
        for n, template in enumerate(data.JOBS)
    ]  # fmt: skip


def write_neighbour_feeds(folder: Path, today: date | None = None) -> dict[str, Path]:
    """The neighbouring council's own feeds (its jobs), written into ``folder``."""
    today = today or clock.today()
    folder.mkdir(parents=True, exist_ok=True)
    postcodes = _postcode_rows(random.Random(SEED))  # the same postcodes as write_feeds
    path = folder / "vale_jobs.jsonld"
    path.write_text(json.dumps(_neighbour_jobs(today, postcodes), indent=1))
    return {"jobpostings": path}


def _jobs(rng: random.Random, today: date, postcodes: list[dict]) -> list[dict]:
    in_area = [p for p in postcodes if p["laua"] == data.COUNCIL_CODE and not p["doterm"]]
    jobs = []
    for n in range(130):
        template = data.JOBS[n % len(data.JOBS)]
        jobs.append(_job(rng, today, n, template, rng.choice(in_area)))
    more = random.Random(SEED + 2)  # their own source: the records before them never change
    for i, template in enumerate(data.MORE_JOBS * 2):
        jobs.append(_job(more, today, 130 + i, template, more.choice(in_area), stays_open=True))
    return jobs


def _job(
    rng: random.Random,
    today: date,
    n: int,
    template: tuple,
    place: dict,
    stays_open: bool = False,
    site: str = "jobs.demo-borough.example",
    local_name: Callable[[str], str] = lambda employer: employer,
) -> dict:
    """One JobPosting; every fifteenth has closed, unless it ``stays_open``."""
    title, sector, hours, wage, contract, description = template
    remote = title == "IT Support Technician" and n % 2 == 0
    part_time = hours < 30
    return {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": {
            "@type": "PropertyValue",
            "name": "Demo Jobs",
            "value": f"DJ-{n:04d}",
        },
        "title": title,
        "description": f"<p>{description}</p><p>This is a demo job advert.</p>",
        "datePosted": (today - timedelta(days=rng.randint(0, 25))).isoformat(),
        "validThrough": (
            today + timedelta(days=rng.randint(3, 45) if n % 15 or stays_open else -3)
        ).isoformat(),
        "employmentType": _employment_types(contract, part_time),
        "workHours": f"{hours:g} hours per week",
        "hiringOrganization": {
            "@type": "Organization",
            "name": local_name(data.employer_for(title, sector, rng.choice(data.EMPLOYERS))),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": f"{n + 1} {rng.choice(STREETS)}",
                "addressLocality": place["town"],
                "postalCode": place["pcds"],
                "addressCountry": "GB",
            },
        },
        "jobLocationType": "TELECOMMUTE" if remote else None,
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "GBP",
            "value": {"@type": "QuantitativeValue", "value": wage, "unitText": "HOUR"},
        },
        "disabilityConfident": n % 5 == 0,
        "url": f"https://{site}/DJ-{n:04d}",
    }


def _services(venues: list[dict]) -> dict:
    contents = []
    taxonomy_id = _uuid("taxonomy", "work-local")
    for template in data.SERVICES:
        name, term, description, low, high, where = template
        places = venues if where == "venue" else []
        if name in {
            "Work Local employment support",
            "Digital Drop-in",
            "Youth Pathways",
            "Money and Debt Advice",
        }:
            groups = [[v] for v in places if v["kind"] in {"library", "jobcentre", "family_hub"}]
        else:
            groups = [places[i::4] for i in range(4)] if places else [[]]
        for gi, group in enumerate(groups):
            label = f"{name} at {group[0]['name']}" if len(groups) > 1 and len(group) == 1 else name
            if len(groups) > 1 and len(group) != 1:
                label = f"{name} ({gi + 1})"
            service_id = _uuid("service", label)
            sals = [
                {
                    "id": _uuid("sal", label, v["name"]),
                    "location": {
                        "id": v["id"],
                        "location_type": "physical",
                        "name": v["name"],
                        "latitude": v["lat"],
                        "longitude": v["lon"],
                        "addresses": [
                            {
                                "id": _uuid("address", v["name"]),
                                "address_1": v["address"],
                                "city": v["town"],
                                "postal_code": v["postcode"],
                                "country": "GB",
                                "address_type": "physical",
                            }
                        ],
                        "accessibility": [
                            {
                                "id": _uuid("access", v["name"]),
                                "description": "Step-free access and an accessible toilet.",
                            }
                        ],
                    },
                }
                for v in group
            ]
            if where == "online":
                sals = [
                    {
                        "id": _uuid("sal", label, "online"),
                        "location": {
                            "id": _uuid("online-location"),
                            "location_type": "virtual",
                            "name": "Online and by phone",
                        },
                    }
                ]
            contents.append(
                {
                    "id": service_id,
                    "name": label,
                    "description": description + " (demo service)",
                    "url": "https://services.demo-borough.example/" + service_id[:8],
                    "email": "worklocal@demo-borough.example",
                    "status": "active",
                    "fees": "Free",
                    "minimum_age": low,
                    "maximum_age": high,
                    "last_modified": "2026-11-01T09:00:00Z",
                    "organization": {
                        "id": _uuid("org", "Demo Borough Council"),
                        "name": "Demo Borough Council",
                        "description": "The local council (demo).",
                    },
                    "service_at_locations": sals,
                    "schedules": [
                        {
                            "id": _uuid("schedule", label),
                            "freq": "WEEKLY",
                            "byday": "MO,TU,WE,TH,FR",
                            "opens_at": "09:30:00",
                            "closes_at": "16:30:00",
                            "description": "Weekdays, 9:30am to 4:30pm",
                        }
                    ],
                    "contacts": [
                        {
                            "id": _uuid("contact", label),
                            "name": "Work Local team",
                            "title": "Advisers",
                        }
                    ],
                    "attributes": [
                        {
                            "id": _uuid("attribute", label),
                            "taxonomy_term": {
                                "id": _uuid("term", term),
                                "name": term,
                                "description": f"Services for {term.lower()}",
                                "taxonomy": "Work Local service types",
                                "taxonomy_id": taxonomy_id,
                            },
                        }
                    ],
                }
            )
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": contents,
    }


def write_feeds(folder: Path, today: date | None = None) -> dict[str, Path]:
    """Write every demo feed into ``folder``; returns import kind -> file, in loading order."""
    today = today or clock.today()
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    postcodes = _postcode_rows(rng)
    venues = _venues(postcodes)
    files = {
        "postcodes": folder / "postcodes.csv",
        "courses": folder / "courses.json",
        "apprenticeships": folder / "apprenticeships.json",
        "jobpostings": folder / "jobs.jsonld",
        "oruk": folder / "services.json",
    }
    with files["postcodes"].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, ["pcds", "lat", "long", "laua", "doterm"], extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(postcodes)
    files["courses"].write_text(json.dumps(_courses(rng, today, venues), indent=1))
    files["apprenticeships"].write_text(json.dumps(_apprenticeships(rng, today, venues), indent=1))
    files["jobpostings"].write_text(json.dumps(_jobs(rng, today, postcodes), indent=1))
    files["oruk"].write_text(json.dumps(_services(venues), indent=1))
    return files
