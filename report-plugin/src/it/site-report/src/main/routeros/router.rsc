# natlint example: the "Hairpin NAT" scenario from MikroTik's NAT manual.
# A web server on the LAN (192.168.1.2) is published on the router's public
# address 1.1.1.1, port 80. Internet clients work; LAN clients that use
# 1.1.1.1 do not, because there is no hairpin masquerade rule.
/interface ethernet
set [ find default-name=ether1 ] name=WAN
set [ find default-name=ether2 ] name=LAN
/ip address
add address=1.1.1.1/24 interface=WAN
add address=192.168.1.1/24 interface=LAN
/ip route
add gateway=1.1.1.254
/ip firewall nat
add chain=dstnat dst-address=1.1.1.1 protocol=tcp dst-port=80 action=dst-nat to-address=192.168.1.2
add chain=srcnat out-interface=WAN action=masquerade
