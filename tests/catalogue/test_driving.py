"""Which jobs need their holder to drive: read once when a vacancy is stored, so a resident who
can't drive is not shown them, and never a job whose advert says no licence is needed."""

import pytest

from bot.catalogue.vacancy.driving import needs_driving


@pytest.mark.parametrize(
    ("title", "advert"),
    [
        ("Delivery Driver", "Multi-drop van deliveries across the borough."),
        ("HGV Class 1", ""),
        ("LGV Driver", ""),
        ("7.5 tonne driver", ""),
        ("Courier", "Parcels by bike or van."),
        ("Care Assistant", "Full UK driving licence and own car essential."),
        ("Home carer", "You must have access to a car for visits."),
        ("Gardener", "Clean licence required."),
        ("Sales Executive", "Must drive; company car provided."),
        ("Sales Executive", "Driver\u2019s licence needed."),
        ("Care Worker", "Please do not apply without a full UK driving licence."),
        ("Care Worker", "Not suitable for non-drivers."),
        ("Care Worker", "You will need to drive between clients."),
        ("Sales Executive", "Drivers only."),
        # "not needed" said on another line is about something else
        ("Manager", "Experience not needed\nFull UK driving licence"),
        ("Manager", "Full driving licence\nDesirable: NVQ level 2"),
    ],
)
def test_driving_jobs_and_adverts_asking_for_a_licence_or_a_car(title, advert):
    assert needs_driving(title, advert)


@pytest.mark.parametrize(
    ("title", "advert"),
    [
        ("Forklift Driver", "Forklift licence needed."),  # driven on site, its own licence
        ("Driver's Mate", "Help the driver unload."),
        ("Security Officer", "SIA licence required."),
        ("Care Assistant", "No driving licence required. Walking rounds in the town centre."),
        ("Cleaner", "Own transport not essential, on a bus route."),
        ("Cleaner", "No need for own transport."),
        ("Retail Assistant", "Driver's licence: not required."),
        ("Retail Assistant", "A full driving licence would be an advantage."),
        ("Office Junior", "Develop your own career in a friendly team."),
        ("Warehouse Operative", None),
        ("Retail Assistant", "Driving licence (desirable)."),
        ("Retail Assistant", "You will not need a driving licence."),
        ("Retail Assistant", "No car or driving licence needed."),
        ("Retail Assistant", "Driving licence and own car not required."),
        ("Team Leader", "Proven ability to drive change and drive sales."),
        ("Supervisor", "You must drive standards across the site."),
        ("Class 2 Teaching Assistant", "Support a Year 2 class."),
        ("Staff Nurse", "Full licence to practise with the NMC."),
        ("Train Driver", "No driving licence needed: full training given."),
        ("Cycle Courier", "Deliveries by bike in the town centre."),
    ],
)
def test_jobs_a_resident_who_cant_drive_can_do(title, advert):
    assert not needs_driving(title, advert)
